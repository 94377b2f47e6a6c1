/*
 * Fake EndpointSecurity.framework for Linux (OpenMacES native/fake-es).
 *
 * Declares the subset of Apple's EndpointSecurity API that the shim uses, with the same type
 * names, member names and member shapes (including the anonymous unions that hold members
 * added in later message versions), so the shim's C compiles unchanged against this header
 * and against Apple's. Written from endpoint-security.md; nothing is copied from Apple.
 * Differences that do not matter to the shim: struct stat is Linux's, acl_t is our own
 * opaque type, and exec arguments live in fake-only members (read them with es_exec_arg).
 */
#ifndef FAKE_ENDPOINT_SECURITY_H
#define FAKE_ENDPOINT_SECURITY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/types.h>
#include <time.h>

#ifndef __BLOCKS__
#error "EndpointSecurity needs blocks: compile with clang -fblocks"
#endif

#define FAKE_ENDPOINT_SECURITY 1

/* ---- system types that Linux lacks or lays out differently ---- */
typedef struct { unsigned int val[8]; } audit_token_t;
typedef struct fake_es_acl *acl_t;
typedef uint32_t attrgroup_t;
typedef uint64_t user_addr_t;
typedef uint64_t user_size_t;
typedef int cpu_type_t;
typedef int cpu_subtype_t;
typedef struct { int32_t val[2]; } fake_es_fsid_t; /* macOS fsid_t (Linux names its member __val) */

struct attrlist {
	unsigned short bitmapcount;
	uint16_t reserved;
	attrgroup_t commonattr;
	attrgroup_t volattr;
	attrgroup_t dirattr;
	attrgroup_t fileattr;
	attrgroup_t forkattr;
};

/* macOS's 64-bit-inode struct statfs (Linux's has other members) */
struct statfs {
	uint32_t f_bsize;
	int32_t f_iosize;
	uint64_t f_blocks;
	uint64_t f_bfree;
	uint64_t f_bavail;
	uint64_t f_files;
	uint64_t f_ffree;
	fake_es_fsid_t f_fsid;
	uid_t f_owner;
	uint32_t f_type;
	uint32_t f_flags;
	uint32_t f_fssubtype;
	char f_fstypename[16];
	char f_mntonname[1024];
	char f_mntfromname[1024];
	uint32_t f_flags_ext;
	uint32_t f_reserved[7];
};

/* ---- ESTypes ---- */
typedef struct { uint8_t reserved[32]; } es_event_id_t;
typedef enum { ES_ACTION_TYPE_AUTH, ES_ACTION_TYPE_NOTIFY } es_action_type_t;
typedef enum { ES_SET, ES_CLEAR } es_set_or_clear_t;
typedef enum {
	ES_PROC_CHECK_TYPE_LISTPIDS = 0x1,
	ES_PROC_CHECK_TYPE_PIDINFO = 0x2,
	ES_PROC_CHECK_TYPE_PIDFDINFO = 0x3,
	ES_PROC_CHECK_TYPE_KERNMSGBUF = 0x4,
	ES_PROC_CHECK_TYPE_SETCONTROL = 0x5,
	ES_PROC_CHECK_TYPE_PIDFILEPORTINFO = 0x6,
	ES_PROC_CHECK_TYPE_TERMINATE = 0x7,
	ES_PROC_CHECK_TYPE_DIRTYCONTROL = 0x8,
	ES_PROC_CHECK_TYPE_PIDRUSAGE = 0x9,
	ES_PROC_CHECK_TYPE_UDATA_INFO = 0xe,
} es_proc_check_type_t;
typedef enum {
	ES_GET_TASK_TYPE_TASK_FOR_PID,
	ES_GET_TASK_TYPE_EXPOSE_TASK,
	ES_GET_TASK_TYPE_IDENTITY_TOKEN,
} es_get_task_type_t;
typedef enum {
	ES_MOUNT_DISPOSITION_EXTERNAL,
	ES_MOUNT_DISPOSITION_INTERNAL,
	ES_MOUNT_DISPOSITION_NETWORK,
	ES_MOUNT_DISPOSITION_VIRTUAL,
	ES_MOUNT_DISPOSITION_NULLFS,
	ES_MOUNT_DISPOSITION_UNKNOWN,
} es_mount_disposition_t;

typedef enum {
	ES_EVENT_TYPE_AUTH_EXEC, /* 0 */
	ES_EVENT_TYPE_AUTH_OPEN, /* 1 */
	ES_EVENT_TYPE_AUTH_KEXTLOAD, /* 2 */
	ES_EVENT_TYPE_AUTH_MMAP, /* 3 */
	ES_EVENT_TYPE_AUTH_MPROTECT, /* 4 */
	ES_EVENT_TYPE_AUTH_MOUNT, /* 5 */
	ES_EVENT_TYPE_AUTH_RENAME, /* 6 */
	ES_EVENT_TYPE_AUTH_SIGNAL, /* 7 */
	ES_EVENT_TYPE_AUTH_UNLINK, /* 8 */
	ES_EVENT_TYPE_NOTIFY_EXEC, /* 9 */
	ES_EVENT_TYPE_NOTIFY_OPEN, /* 10 */
	ES_EVENT_TYPE_NOTIFY_FORK, /* 11 */
	ES_EVENT_TYPE_NOTIFY_CLOSE, /* 12 */
	ES_EVENT_TYPE_NOTIFY_CREATE, /* 13 */
	ES_EVENT_TYPE_NOTIFY_EXCHANGEDATA, /* 14 */
	ES_EVENT_TYPE_NOTIFY_EXIT, /* 15 */
	ES_EVENT_TYPE_NOTIFY_GET_TASK, /* 16 */
	ES_EVENT_TYPE_NOTIFY_KEXTLOAD, /* 17 */
	ES_EVENT_TYPE_NOTIFY_KEXTUNLOAD, /* 18 */
	ES_EVENT_TYPE_NOTIFY_LINK, /* 19 */
	ES_EVENT_TYPE_NOTIFY_MMAP, /* 20 */
	ES_EVENT_TYPE_NOTIFY_MPROTECT, /* 21 */
	ES_EVENT_TYPE_NOTIFY_MOUNT, /* 22 */
	ES_EVENT_TYPE_NOTIFY_UNMOUNT, /* 23 */
	ES_EVENT_TYPE_NOTIFY_IOKIT_OPEN, /* 24 */
	ES_EVENT_TYPE_NOTIFY_RENAME, /* 25 */
	ES_EVENT_TYPE_NOTIFY_SETATTRLIST, /* 26 */
	ES_EVENT_TYPE_NOTIFY_SETEXTATTR, /* 27 */
	ES_EVENT_TYPE_NOTIFY_SETFLAGS, /* 28 */
	ES_EVENT_TYPE_NOTIFY_SETMODE, /* 29 */
	ES_EVENT_TYPE_NOTIFY_SETOWNER, /* 30 */
	ES_EVENT_TYPE_NOTIFY_SIGNAL, /* 31 */
	ES_EVENT_TYPE_NOTIFY_UNLINK, /* 32 */
	ES_EVENT_TYPE_NOTIFY_WRITE, /* 33 */
	ES_EVENT_TYPE_AUTH_FILE_PROVIDER_MATERIALIZE, /* 34 */
	ES_EVENT_TYPE_NOTIFY_FILE_PROVIDER_MATERIALIZE, /* 35 */
	ES_EVENT_TYPE_AUTH_FILE_PROVIDER_UPDATE, /* 36 */
	ES_EVENT_TYPE_NOTIFY_FILE_PROVIDER_UPDATE, /* 37 */
	ES_EVENT_TYPE_AUTH_READLINK, /* 38 */
	ES_EVENT_TYPE_NOTIFY_READLINK, /* 39 */
	ES_EVENT_TYPE_AUTH_TRUNCATE, /* 40 */
	ES_EVENT_TYPE_NOTIFY_TRUNCATE, /* 41 */
	ES_EVENT_TYPE_AUTH_LINK, /* 42 */
	ES_EVENT_TYPE_NOTIFY_LOOKUP, /* 43 */
	ES_EVENT_TYPE_AUTH_CREATE, /* 44 */
	ES_EVENT_TYPE_AUTH_SETATTRLIST, /* 45 */
	ES_EVENT_TYPE_AUTH_SETEXTATTR, /* 46 */
	ES_EVENT_TYPE_AUTH_SETFLAGS, /* 47 */
	ES_EVENT_TYPE_AUTH_SETMODE, /* 48 */
	ES_EVENT_TYPE_AUTH_SETOWNER, /* 49 */
	ES_EVENT_TYPE_AUTH_CHDIR, /* 50 */
	ES_EVENT_TYPE_NOTIFY_CHDIR, /* 51 */
	ES_EVENT_TYPE_AUTH_GETATTRLIST, /* 52 */
	ES_EVENT_TYPE_NOTIFY_GETATTRLIST, /* 53 */
	ES_EVENT_TYPE_NOTIFY_STAT, /* 54 */
	ES_EVENT_TYPE_NOTIFY_ACCESS, /* 55 */
	ES_EVENT_TYPE_AUTH_CHROOT, /* 56 */
	ES_EVENT_TYPE_NOTIFY_CHROOT, /* 57 */
	ES_EVENT_TYPE_AUTH_UTIMES, /* 58 */
	ES_EVENT_TYPE_NOTIFY_UTIMES, /* 59 */
	ES_EVENT_TYPE_AUTH_CLONE, /* 60 */
	ES_EVENT_TYPE_NOTIFY_CLONE, /* 61 */
	ES_EVENT_TYPE_NOTIFY_FCNTL, /* 62 */
	ES_EVENT_TYPE_AUTH_GETEXTATTR, /* 63 */
	ES_EVENT_TYPE_NOTIFY_GETEXTATTR, /* 64 */
	ES_EVENT_TYPE_AUTH_LISTEXTATTR, /* 65 */
	ES_EVENT_TYPE_NOTIFY_LISTEXTATTR, /* 66 */
	ES_EVENT_TYPE_AUTH_READDIR, /* 67 */
	ES_EVENT_TYPE_NOTIFY_READDIR, /* 68 */
	ES_EVENT_TYPE_AUTH_DELETEEXTATTR, /* 69 */
	ES_EVENT_TYPE_NOTIFY_DELETEEXTATTR, /* 70 */
	ES_EVENT_TYPE_AUTH_FSGETPATH, /* 71 */
	ES_EVENT_TYPE_NOTIFY_FSGETPATH, /* 72 */
	ES_EVENT_TYPE_NOTIFY_DUP, /* 73 */
	ES_EVENT_TYPE_AUTH_SETTIME, /* 74 */
	ES_EVENT_TYPE_NOTIFY_SETTIME, /* 75 */
	ES_EVENT_TYPE_NOTIFY_UIPC_BIND, /* 76 */
	ES_EVENT_TYPE_AUTH_UIPC_BIND, /* 77 */
	ES_EVENT_TYPE_NOTIFY_UIPC_CONNECT, /* 78 */
	ES_EVENT_TYPE_AUTH_UIPC_CONNECT, /* 79 */
	ES_EVENT_TYPE_AUTH_EXCHANGEDATA, /* 80 */
	ES_EVENT_TYPE_AUTH_SETACL, /* 81 */
	ES_EVENT_TYPE_NOTIFY_SETACL, /* 82 */
	ES_EVENT_TYPE_NOTIFY_PTY_GRANT, /* 83 */
	ES_EVENT_TYPE_NOTIFY_PTY_CLOSE, /* 84 */
	ES_EVENT_TYPE_AUTH_PROC_CHECK, /* 85 */
	ES_EVENT_TYPE_NOTIFY_PROC_CHECK, /* 86 */
	ES_EVENT_TYPE_AUTH_GET_TASK, /* 87 */
	ES_EVENT_TYPE_AUTH_SEARCHFS, /* 88 */
	ES_EVENT_TYPE_NOTIFY_SEARCHFS, /* 89 */
	ES_EVENT_TYPE_AUTH_FCNTL, /* 90 */
	ES_EVENT_TYPE_AUTH_IOKIT_OPEN, /* 91 */
	ES_EVENT_TYPE_AUTH_PROC_SUSPEND_RESUME, /* 92 */
	ES_EVENT_TYPE_NOTIFY_PROC_SUSPEND_RESUME, /* 93 */
	ES_EVENT_TYPE_NOTIFY_CS_INVALIDATED, /* 94 */
	ES_EVENT_TYPE_NOTIFY_GET_TASK_NAME, /* 95 */
	ES_EVENT_TYPE_NOTIFY_TRACE, /* 96 */
	ES_EVENT_TYPE_NOTIFY_REMOTE_THREAD_CREATE, /* 97 */
	ES_EVENT_TYPE_AUTH_REMOUNT, /* 98 */
	ES_EVENT_TYPE_NOTIFY_REMOUNT, /* 99 */
	ES_EVENT_TYPE_AUTH_GET_TASK_READ, /* 100 */
	ES_EVENT_TYPE_NOTIFY_GET_TASK_READ, /* 101 */
	ES_EVENT_TYPE_NOTIFY_GET_TASK_INSPECT, /* 102 */
	ES_EVENT_TYPE_NOTIFY_SETUID, /* 103 */
	ES_EVENT_TYPE_NOTIFY_SETGID, /* 104 */
	ES_EVENT_TYPE_NOTIFY_SETEUID, /* 105 */
	ES_EVENT_TYPE_NOTIFY_SETEGID, /* 106 */
	ES_EVENT_TYPE_NOTIFY_SETREUID, /* 107 */
	ES_EVENT_TYPE_NOTIFY_SETREGID, /* 108 */
	ES_EVENT_TYPE_AUTH_COPYFILE, /* 109 */
	ES_EVENT_TYPE_NOTIFY_COPYFILE, /* 110 */
	ES_EVENT_TYPE_NOTIFY_AUTHENTICATION, /* 111 */
	ES_EVENT_TYPE_NOTIFY_XP_MALWARE_DETECTED, /* 112 */
	ES_EVENT_TYPE_NOTIFY_XP_MALWARE_REMEDIATED, /* 113 */
	ES_EVENT_TYPE_NOTIFY_LW_SESSION_LOGIN, /* 114 */
	ES_EVENT_TYPE_NOTIFY_LW_SESSION_LOGOUT, /* 115 */
	ES_EVENT_TYPE_NOTIFY_LW_SESSION_LOCK, /* 116 */
	ES_EVENT_TYPE_NOTIFY_LW_SESSION_UNLOCK, /* 117 */
	ES_EVENT_TYPE_NOTIFY_SCREENSHARING_ATTACH, /* 118 */
	ES_EVENT_TYPE_NOTIFY_SCREENSHARING_DETACH, /* 119 */
	ES_EVENT_TYPE_NOTIFY_OPENSSH_LOGIN, /* 120 */
	ES_EVENT_TYPE_NOTIFY_OPENSSH_LOGOUT, /* 121 */
	ES_EVENT_TYPE_NOTIFY_LOGIN_LOGIN, /* 122 */
	ES_EVENT_TYPE_NOTIFY_LOGIN_LOGOUT, /* 123 */
	ES_EVENT_TYPE_NOTIFY_BTM_LAUNCH_ITEM_ADD, /* 124 */
	ES_EVENT_TYPE_NOTIFY_BTM_LAUNCH_ITEM_REMOVE, /* 125 */
	ES_EVENT_TYPE_NOTIFY_PROFILE_ADD, /* 126 */
	ES_EVENT_TYPE_NOTIFY_PROFILE_REMOVE, /* 127 */
	ES_EVENT_TYPE_NOTIFY_SU, /* 128 */
	ES_EVENT_TYPE_NOTIFY_AUTHORIZATION_PETITION, /* 129 */
	ES_EVENT_TYPE_NOTIFY_AUTHORIZATION_JUDGEMENT, /* 130 */
	ES_EVENT_TYPE_NOTIFY_SUDO, /* 131 */
	ES_EVENT_TYPE_NOTIFY_OD_GROUP_ADD, /* 132 */
	ES_EVENT_TYPE_NOTIFY_OD_GROUP_REMOVE, /* 133 */
	ES_EVENT_TYPE_NOTIFY_OD_GROUP_SET, /* 134 */
	ES_EVENT_TYPE_NOTIFY_OD_MODIFY_PASSWORD, /* 135 */
	ES_EVENT_TYPE_NOTIFY_OD_DISABLE_USER, /* 136 */
	ES_EVENT_TYPE_NOTIFY_OD_ENABLE_USER, /* 137 */
	ES_EVENT_TYPE_NOTIFY_OD_ATTRIBUTE_VALUE_ADD, /* 138 */
	ES_EVENT_TYPE_NOTIFY_OD_ATTRIBUTE_VALUE_REMOVE, /* 139 */
	ES_EVENT_TYPE_NOTIFY_OD_ATTRIBUTE_SET, /* 140 */
	ES_EVENT_TYPE_NOTIFY_OD_CREATE_USER, /* 141 */
	ES_EVENT_TYPE_NOTIFY_OD_CREATE_GROUP, /* 142 */
	ES_EVENT_TYPE_NOTIFY_OD_DELETE_USER, /* 143 */
	ES_EVENT_TYPE_NOTIFY_OD_DELETE_GROUP, /* 144 */
	ES_EVENT_TYPE_NOTIFY_XPC_CONNECT, /* 145 */
	ES_EVENT_TYPE_NOTIFY_GATEKEEPER_USER_OVERRIDE, /* 146 */
	ES_EVENT_TYPE_NOTIFY_TCC_MODIFY, /* 147 */
	ES_EVENT_TYPE_RESERVED_0, /* 148 */
	ES_EVENT_TYPE_RESERVED_1, /* 149 */
	ES_EVENT_TYPE_RESERVED_2, /* 150 */
	ES_EVENT_TYPE_RESERVED_3, /* 151 */
	ES_EVENT_TYPE_RESERVED_4, /* 152 */
	ES_EVENT_TYPE_RESERVED_5, /* 153 */
	ES_EVENT_TYPE_RESERVED_6, /* 154 */
	ES_EVENT_TYPE_RESERVED_7, /* 155 */
	ES_EVENT_TYPE_RESERVED_8, /* 156 */
	ES_EVENT_TYPE_LAST
} es_event_type_t;

typedef enum { ES_AUTH_RESULT_ALLOW, ES_AUTH_RESULT_DENY } es_auth_result_t;
typedef enum { ES_RESULT_TYPE_AUTH, ES_RESULT_TYPE_FLAGS } es_result_type_t;
typedef enum { ES_RETURN_SUCCESS, ES_RETURN_ERROR } es_return_t;
typedef enum {
	ES_NEW_CLIENT_RESULT_SUCCESS,
	ES_NEW_CLIENT_RESULT_ERR_INVALID_ARGUMENT,
	ES_NEW_CLIENT_RESULT_ERR_INTERNAL,
	ES_NEW_CLIENT_RESULT_ERR_NOT_ENTITLED,
	ES_NEW_CLIENT_RESULT_ERR_NOT_PERMITTED,
	ES_NEW_CLIENT_RESULT_ERR_NOT_PRIVILEGED,
	ES_NEW_CLIENT_RESULT_ERR_TOO_MANY_CLIENTS,
} es_new_client_result_t;
typedef enum {
	ES_MUTE_PATH_TYPE_PREFIX,
	ES_MUTE_PATH_TYPE_LITERAL,
	ES_MUTE_PATH_TYPE_TARGET_PREFIX,
	ES_MUTE_PATH_TYPE_TARGET_LITERAL,
} es_mute_path_type_t;
typedef enum { ES_DESTINATION_TYPE_EXISTING_FILE, ES_DESTINATION_TYPE_NEW_PATH } es_destination_type_t;

typedef struct { size_t size; const uint8_t *data; } es_token_t;
typedef struct { size_t length; const char *data; } es_string_token_t;
typedef uint8_t es_cdhash_t[20];

/* ---- ESMessage ---- */
typedef struct {
	es_string_token_t path;
	bool path_truncated;
	struct stat stat;
} es_file_t;

typedef struct {
	audit_token_t audit_token;
	pid_t ppid;
	pid_t original_ppid;
	pid_t group_id;
	pid_t session_id;
	uint32_t codesigning_flags;
	bool is_platform_binary;
	bool is_es_client;
	es_cdhash_t cdhash;
	es_string_token_t signing_id;
	es_string_token_t team_id;
	es_file_t *executable;
	es_file_t *tty;            /* version >= 2 */
	struct timeval start_time; /* version >= 3 */
	audit_token_t responsible_audit_token; /* version >= 4 */
	audit_token_t parent_audit_token;      /* version >= 4 */
} es_process_t;

typedef struct { uint64_t thread_id; } es_thread_t;

typedef struct {
	es_process_t *target;
	es_string_token_t dyld_exec_path; /* version >= 7 */
	union {
		uint8_t reserved[64];
		struct {
			es_file_t *script; /* version >= 2 */
			es_file_t *cwd;    /* version >= 3 */
			int last_fd;       /* version >= 4 */
			cpu_type_t image_cputype;       /* version >= 6 */
			cpu_subtype_t image_cpusubtype; /* version >= 6 */
		};
	};
	/* fake only: what es_exec_arg_count/es_exec_arg read */
	uint32_t fake_arg_count;
	const es_string_token_t *fake_args;
} es_event_exec_t;

typedef struct { int32_t fflag; es_file_t *file; uint8_t reserved[64]; } es_event_open_t;
typedef struct { es_process_t *child; uint8_t reserved[64]; } es_event_fork_t;
typedef struct {
	bool modified;
	es_file_t *target;
	union {
		uint8_t reserved[64];
		struct { bool was_mapped_writable; }; /* version >= 6 */
	};
} es_event_close_t;
typedef struct {
	es_destination_type_t destination_type;
	union {
		es_file_t *existing_file;
		struct {
			es_file_t *dir;
			es_string_token_t filename;
			mode_t mode;
		} new_path;
	} destination;
	uint8_t reserved2[16];
	union {
		uint8_t reserved[48];
		struct { acl_t acl; }; /* version >= 2 */
	};
} es_event_create_t;
typedef struct { es_file_t *file1; es_file_t *file2; uint8_t reserved[64]; } es_event_exchangedata_t;
typedef struct { int stat; uint8_t reserved[64]; } es_event_exit_t;
typedef struct { es_process_t *target; es_get_task_type_t type; uint8_t reserved[60]; } es_event_get_task_t;
typedef struct { es_string_token_t identifier; uint8_t reserved[64]; } es_event_kextload_t;
typedef struct { es_string_token_t identifier; uint8_t reserved[64]; } es_event_kextunload_t;
typedef struct { es_file_t *source; es_file_t *target_dir; es_string_token_t target_filename; uint8_t reserved[64]; } es_event_link_t;
typedef struct { int32_t protection; int32_t max_protection; int32_t flags; uint64_t file_pos; es_file_t *source; uint8_t reserved[64]; } es_event_mmap_t;
typedef struct { int32_t protection; user_addr_t address; user_size_t size; uint8_t reserved[64]; } es_event_mprotect_t;
typedef struct { struct statfs *statfs; es_mount_disposition_t disposition; uint8_t reserved[60]; } es_event_mount_t;
typedef struct { struct statfs *statfs; uint8_t reserved[64]; } es_event_unmount_t;
typedef struct { uint32_t user_client_type; es_string_token_t user_client_class; uint8_t reserved[64]; } es_event_iokit_open_t;
typedef struct {
	es_file_t *source;
	es_destination_type_t destination_type;
	union {
		es_file_t *existing_file;
		struct { es_file_t *dir; es_string_token_t filename; } new_path;
	} destination;
	uint8_t reserved[64];
} es_event_rename_t;
typedef struct { struct attrlist attrlist; es_file_t *target; uint8_t reserved[64]; } es_event_setattrlist_t;
typedef struct { es_file_t *target; es_string_token_t extattr; uint8_t reserved[64]; } es_event_setextattr_t;
typedef struct { uint32_t flags; es_file_t *target; uint8_t reserved[64]; } es_event_setflags_t;
typedef struct { mode_t mode; es_file_t *target; uint8_t reserved[64]; } es_event_setmode_t;
typedef struct { uid_t uid; gid_t gid; es_file_t *target; uint8_t reserved[64]; } es_event_setowner_t;
typedef struct { int sig; es_process_t *target; es_process_t *instigator; uint8_t reserved[56]; } es_event_signal_t;
typedef struct { es_file_t *target; es_file_t *parent_dir; uint8_t reserved[64]; } es_event_unlink_t;
typedef struct { es_file_t *target; uint8_t reserved[64]; } es_event_write_t;
typedef struct { es_process_t *instigator; es_file_t *source; es_file_t *target; audit_token_t instigator_token; uint8_t reserved[32]; } es_event_file_provider_materialize_t;
typedef struct { es_file_t *source; es_string_token_t target_path; uint8_t reserved[64]; } es_event_file_provider_update_t;
typedef struct { es_file_t *source; uint8_t reserved[64]; } es_event_readlink_t;
typedef struct { es_file_t *target; uint8_t reserved[64]; } es_event_truncate_t;
typedef struct { es_file_t *source_dir; es_string_token_t relative_target; uint8_t reserved[64]; } es_event_lookup_t;
typedef struct { es_file_t *target; uint8_t reserved[64]; } es_event_chdir_t;
typedef struct { struct attrlist attrlist; es_file_t *target; uint8_t reserved[64]; } es_event_getattrlist_t;
typedef struct { es_file_t *target; uint8_t reserved[64]; } es_event_stat_t;
typedef struct { int32_t mode; es_file_t *target; uint8_t reserved[64]; } es_event_access_t;
typedef struct { es_file_t *target; uint8_t reserved[64]; } es_event_chroot_t;
typedef struct { es_file_t *target; struct timespec atime; struct timespec mtime; uint8_t reserved[64]; } es_event_utimes_t;
typedef struct { es_file_t *source; es_file_t *target_dir; es_string_token_t target_name; uint8_t reserved[64]; } es_event_clone_t;
typedef struct { es_file_t *target; int32_t cmd; uint8_t reserved[64]; } es_event_fcntl_t;
typedef struct { es_file_t *target; es_string_token_t extattr; uint8_t reserved[64]; } es_event_getextattr_t;
typedef struct { es_file_t *target; uint8_t reserved[64]; } es_event_listextattr_t;
typedef struct { es_file_t *target; uint8_t reserved[64]; } es_event_readdir_t;
typedef struct { es_file_t *target; es_string_token_t extattr; uint8_t reserved[64]; } es_event_deleteextattr_t;
typedef struct { es_file_t *target; uint8_t reserved[64]; } es_event_fsgetpath_t;
typedef struct { es_file_t *target; uint8_t reserved[64]; } es_event_dup_t;
typedef struct { uint8_t reserved[64]; } es_event_settime_t;
typedef struct { es_file_t *dir; es_string_token_t filename; mode_t mode; uint8_t reserved[64]; } es_event_uipc_bind_t;
typedef struct { es_file_t *file; int domain; int type; int protocol; uint8_t reserved[64]; } es_event_uipc_connect_t;
typedef struct {
	es_file_t *target;
	es_set_or_clear_t set_or_clear;
	union { acl_t set; } acl;
	uint8_t reserved[64];
} es_event_setacl_t;
typedef struct { dev_t dev; uint8_t reserved[64]; } es_event_pty_grant_t;
typedef struct { dev_t dev; uint8_t reserved[64]; } es_event_pty_close_t;
typedef struct { es_process_t *target; es_proc_check_type_t type; int flavor; uint8_t reserved[64]; } es_event_proc_check_t;

typedef union {
	es_event_access_t access;
	es_event_chdir_t chdir;
	es_event_chroot_t chroot;
	es_event_clone_t clone;
	es_event_close_t close;
	es_event_create_t create;
	es_event_deleteextattr_t deleteextattr;
	es_event_dup_t dup;
	es_event_exchangedata_t exchangedata;
	es_event_exec_t exec;
	es_event_exit_t exit;
	es_event_fcntl_t fcntl;
	es_event_file_provider_materialize_t file_provider_materialize;
	es_event_file_provider_update_t file_provider_update;
	es_event_fork_t fork;
	es_event_fsgetpath_t fsgetpath;
	es_event_get_task_t get_task;
	es_event_getattrlist_t getattrlist;
	es_event_getextattr_t getextattr;
	es_event_iokit_open_t iokit_open;
	es_event_kextload_t kextload;
	es_event_kextunload_t kextunload;
	es_event_link_t link;
	es_event_listextattr_t listextattr;
	es_event_lookup_t lookup;
	es_event_mmap_t mmap;
	es_event_mount_t mount;
	es_event_mprotect_t mprotect;
	es_event_open_t open;
	es_event_proc_check_t proc_check;
	es_event_pty_close_t pty_close;
	es_event_pty_grant_t pty_grant;
	es_event_readdir_t readdir;
	es_event_readlink_t readlink;
	es_event_rename_t rename;
	es_event_setacl_t setacl;
	es_event_setattrlist_t setattrlist;
	es_event_setextattr_t setextattr;
	es_event_setflags_t setflags;
	es_event_setmode_t setmode;
	es_event_setowner_t setowner;
	es_event_settime_t settime;
	es_event_signal_t signal;
	es_event_stat_t stat;
	es_event_truncate_t truncate;
	es_event_uipc_bind_t uipc_bind;
	es_event_uipc_connect_t uipc_connect;
	es_event_unlink_t unlink;
	es_event_unmount_t unmount;
	es_event_utimes_t utimes;
	es_event_write_t write;
} es_events_t;

typedef struct {
	es_result_type_t result_type;
	union {
		es_auth_result_t auth;
		uint32_t flags;
		uint8_t reserved[32];
	} result;
} es_result_t;

typedef struct {
	uint32_t version;
	struct timespec time;
	uint64_t mach_time;
	uint64_t deadline;
	es_process_t *process;
	uint64_t seq_num; /* version >= 2 */
	es_action_type_t action_type;
	union {
		es_event_id_t auth;
		es_result_t notify;
	} action;
	es_event_type_t event_type;
	es_events_t event;
	es_thread_t *thread;     /* version >= 4 */
	uint64_t global_seq_num; /* version >= 4 */
	uint64_t opaque[];
} es_message_t;

uint32_t es_exec_arg_count(const es_event_exec_t *event);
es_string_token_t es_exec_arg(const es_event_exec_t *event, uint32_t index);

/* ---- ESClient ---- */
typedef struct es_client_s es_client_t;
typedef void (^es_handler_block_t)(es_client_t *client, const es_message_t *message);

es_new_client_result_t es_new_client(es_client_t **client, es_handler_block_t handler);
es_return_t es_delete_client(es_client_t *client);
es_return_t es_subscribe(es_client_t *client, const es_event_type_t *events, uint32_t event_count);
es_return_t es_unsubscribe(es_client_t *client, const es_event_type_t *events, uint32_t event_count);
es_return_t es_unsubscribe_all(es_client_t *client);
es_return_t es_mute_process(es_client_t *client, const audit_token_t *audit_token);
es_return_t es_mute_path(es_client_t *client, const char *path, es_mute_path_type_t type);
es_return_t es_mute_path_prefix(es_client_t *client, const char *path_prefix);
es_return_t es_mute_path_literal(es_client_t *client, const char *path_literal);
es_return_t es_unmute_all_paths(es_client_t *client);

#endif
