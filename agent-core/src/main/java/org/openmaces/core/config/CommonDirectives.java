package org.openmaces.core.config;

import java.util.ArrayList;
import java.util.List;
import org.openmaces.core.module.DirectiveSpec;
import org.openmaces.core.module.DirectiveType;
import org.openmaces.core.module.ModuleKind;
import org.openmaces.core.module.ModuleProvider;

/** The module-common directives (config spec §4.1) each kind of block accepts besides the module's own. */
public final class CommonDirectives {
    public static final String MODULE = "Module";
    public static final String FLOW_CONTROL = "FlowControl";
    public static final String LOGQUEUE_SIZE = "LogqueueSize";
    public static final String LOGQUEUE_DIR = "LogqueueDir";
    public static final String PERSIST_LOGQUEUE = "PersistLogqueue";
    public static final String SYNC_LOGQUEUE = "SyncLogqueue";
    public static final String BATCH_SIZE = "BatchSize";
    public static final String BATCH_FLUSH_INTERVAL = "BatchFlushInterval";
    public static final String OUTPUT_TYPE = "OutputType";
    public static final String PROCESSORS = "Processors";

    private CommonDirectives() {
    }

    /** The common directives for a module's block; the module's own are added by the loader. */
    static List<DirectiveSpec> forModule(ModuleProvider provider) {
        ModuleKind kind = provider.kind();
        List<DirectiveSpec> specs = new ArrayList<>();
        specs.add(DirectiveSpec.required(MODULE, DirectiveType.STRING, "the module this instance runs"));
        if (kind == ModuleKind.INPUT || kind == ModuleKind.PROCESSOR) {
            specs.add(DirectiveSpec.optional(FLOW_CONTROL, DirectiveType.BOOLEAN, null,
                    "pause when a destination queue is full (TRUE) or drop that copy (FALSE)"));
        }
        if (kind != ModuleKind.EXTENSION) {
            specs.add(DirectiveSpec.optional(BATCH_SIZE, DirectiveType.INTEGER, null, "records per batch"));
            specs.add(DirectiveSpec.optional(BATCH_FLUSH_INTERVAL, DirectiveType.SECONDS, null,
                    "flush a partial batch after this many seconds"));
        }
        if (kind == ModuleKind.PROCESSOR || kind == ModuleKind.OUTPUT) {
            specs.add(DirectiveSpec.optional(LOGQUEUE_SIZE, DirectiveType.INTEGER, null, "queue capacity in records"));
            specs.add(DirectiveSpec.optional(LOGQUEUE_DIR, DirectiveType.PATH, null, "directory of the persistent queue"));
            specs.add(DirectiveSpec.optional(PERSIST_LOGQUEUE, DirectiveType.BOOLEAN, null,
                    "keep the queue on disk so records survive restarts and crashes"));
            specs.add(DirectiveSpec.optional(SYNC_LOGQUEUE, DirectiveType.BOOLEAN, null,
                    "fsync the persistent queue after every batch"));
        }
        if (provider.defaultOutputType() != null) {
            specs.add(DirectiveSpec.optional(OUTPUT_TYPE, DirectiveType.STRING, provider.defaultOutputType(),
                    "how records are framed: LineBased, Dgram, Binary, Syslog_TLS or an xm_json instance"));
        }
        specs.add(DirectiveSpec.optional(PROCESSORS, DirectiveType.STRING, null, "obsolete; ignored"));
        return specs;
    }
}
