/*
 * nxes_launcher.c: bin/nxlog, the agent's main executable. On macOS it is the binary that carries
 * the Endpoint Security entitlement and receives Full Disk Access (an entitlement is checked on
 * the process's main executable, never on a library), so the JVM runs inside it:
 *
 *   <home>/bin/nxlog            this program
 *   <home>/runtime/             the bundled Java runtime (or $NXLOG_JAVA_HOME, or $JAVA_HOME)
 *   <home>/lib/                 the class path (every .jar here) and libnxes
 *   <home>/conf/jvm.options     JVM options, one a line, '#' comments (optional)
 *
 * It loads libjvm, creates the VM with the JNI invocation API on a thread of its own (the main
 * thread of a macOS process is best left to the system), and calls
 * org.openmaces.core.cli.Main.main(String[]) with the command-line arguments ($NXLOG_MAIN_CLASS
 * overrides the class, for tests). Signals: the JVM installs its handlers for SIGTERM, SIGINT and
 * SIGHUP in this process, so launchd's SIGTERM runs the agent's shutdown hooks as with `java`.
 * Exit status: what the Java side passes to System.exit, 0 when main returns, 1 on an uncaught
 * exception, 2 when the VM cannot be started (the reason goes to stderr).
 */
#include <dirent.h>
#include <dlfcn.h>
#include <errno.h>
#include <jni.h>
#include <limits.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#if defined(__APPLE__)
#include <mach-o/dyld.h>
#define LIBJVM "lib/server/libjvm.dylib"
#else
#define LIBJVM "lib/server/libjvm.so"
#endif

#define DEFAULT_MAIN_CLASS "org/openmaces/core/cli/Main"
#define MAX_OPTIONS 256

typedef jint(JNICALL *create_java_vm_fn)(JavaVM **, void **, void *);

static int launcher_argc;
static char **launcher_argv;
static int exit_status = 2;

static void fail(const char *format, const char *detail)
{
	fprintf(stderr, "nxlog: ");
	fprintf(stderr, format, detail);
	fputc('\n', stderr);
}

/* <home> is the directory above the one holding this executable. */
static int find_home(char *home, size_t size)
{
	char path[PATH_MAX];
#if defined(__APPLE__)
	uint32_t length = sizeof path;
	if (_NSGetExecutablePath(path, &length) != 0)
		return -1;
#else
	ssize_t n = readlink("/proc/self/exe", path, sizeof path - 1);
	if (n < 0)
		return -1;
	path[n] = '\0';
#endif
	char resolved[PATH_MAX];
	if (realpath(path, resolved) == NULL)
		return -1;
	for (int i = 0; i < 2; i++) {
		char *slash = strrchr(resolved, '/');
		if (slash == NULL)
			return -1;
		*slash = '\0';
	}
	snprintf(home, size, "%s", resolved[0] ? resolved : "/");
	return 0;
}

static char *format(const char *a, const char *b, const char *c)
{
	size_t n = strlen(a) + strlen(b) + strlen(c) + 1;
	char *s = malloc(n);
	if (s != NULL)
		snprintf(s, n, "%s%s%s", a, b, c);
	return s;
}

/* -Djava.class.path with every jar of <home>/lib (the invocation API does not expand '*'). */
static char *class_path(const char *home)
{
	char *lib = format(home, "/lib", "");
	char *result = format("-Djava.class.path=", "", "");
	DIR *dir = opendir(lib);
	if (dir != NULL) {
		struct dirent *entry;
		while ((entry = readdir(dir)) != NULL) {
			size_t n = strlen(entry->d_name);
			if (n < 5 || strcmp(entry->d_name + n - 4, ".jar") != 0)
				continue;
			char *jar = format(lib, "/", entry->d_name);
			char *longer = format(result, result[18] ? ":" : "", jar);
			free(result);
			free(jar);
			result = longer;
		}
		closedir(dir);
	}
	free(lib);
	return result;
}

static void trim(char *line)
{
	size_t n = strlen(line);
	while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r' || line[n - 1] == ' ' || line[n - 1] == '\t'))
		line[--n] = '\0';
}

static int read_options(const char *home, JavaVMOption *options, int count)
{
	char *path = format(home, "/conf/jvm.options", "");
	FILE *file = fopen(path, "r");
	free(path);
	if (file == NULL)
		return count;
	char line[4096];
	while (count < MAX_OPTIONS - 1 && fgets(line, sizeof line, file) != NULL) {
		trim(line);
		char *start = line;
		while (*start == ' ' || *start == '\t')
			start++;
		if (*start == '\0' || *start == '#')
			continue;
		options[count++].optionString = strdup(start);
	}
	fclose(file);
	return count;
}

static void *run_java(void *unused)
{
	(void)unused;
	char home[PATH_MAX];
	if (find_home(home, sizeof home) != 0) {
		fail("cannot find the directory this executable is in (%s)", strerror(errno));
		return NULL;
	}
	const char *java_home = getenv("NXLOG_JAVA_HOME");
	char *runtime = format(home, "/runtime", "");
	char *jvm_path = format(java_home ? java_home : runtime, "/", LIBJVM);
	void *jvm_library = dlopen(jvm_path, RTLD_NOW | RTLD_GLOBAL);
	if (jvm_library == NULL && java_home == NULL && getenv("JAVA_HOME") != NULL) {
		free(jvm_path);
		jvm_path = format(getenv("JAVA_HOME"), "/", LIBJVM);
		jvm_library = dlopen(jvm_path, RTLD_NOW | RTLD_GLOBAL);
	}
	if (jvm_library == NULL) {
		fail("cannot load the Java runtime: %s (the bundle's runtime/ directory, or set NXLOG_JAVA_HOME)", dlerror());
		return NULL;
	}
	create_java_vm_fn create = (create_java_vm_fn)dlsym(jvm_library, "JNI_CreateJavaVM");
	if (create == NULL) {
		fail("%s has no JNI_CreateJavaVM", jvm_path);
		return NULL;
	}

	JavaVMOption options[MAX_OPTIONS];
	int count = 0;
	options[count++].optionString = class_path(home);
	options[count++].optionString = format("-Dopenmaces.home=", home, "");
	options[count++].optionString = format("-Dopenmaces.native.dir=", home, "/lib");
	count = read_options(home, options, count);
	JavaVMInitArgs arguments = { .version = JNI_VERSION_10, .nOptions = count, .options = options,
				     .ignoreUnrecognized = JNI_FALSE };
	JavaVM *vm;
	JNIEnv *env;
	if (create(&vm, (void **)&env, &arguments) != JNI_OK) {
		fail("the Java VM did not start; check the options in %s/conf/jvm.options", home);
		return NULL;
	}

	const char *main_name = getenv("NXLOG_MAIN_CLASS");
	char *main_class = strdup(main_name ? main_name : DEFAULT_MAIN_CLASS);
	for (char *c = main_class; *c; c++)
		if (*c == '.')
			*c = '/';
	jclass main = (*env)->FindClass(env, main_class);
	jmethodID main_method = main ? (*env)->GetStaticMethodID(env, main, "main", "([Ljava/lang/String;)V") : NULL;
	if (main_method == NULL) {
		(*env)->ExceptionDescribe(env);
		fail("no main(String[]) in %s: is the agent's jar in lib/?", main_class);
		(*vm)->DestroyJavaVM(vm);
		return NULL;
	}
	jclass string_class = (*env)->FindClass(env, "java/lang/String");
	jobjectArray args = (*env)->NewObjectArray(env, launcher_argc - 1, string_class, NULL);
	for (int i = 1; i < launcher_argc; i++) {
		jstring arg = (*env)->NewStringUTF(env, launcher_argv[i]);
		(*env)->SetObjectArrayElement(env, args, i - 1, arg);
		(*env)->DeleteLocalRef(env, arg);
	}
	(*env)->CallStaticVoidMethod(env, main, main_method, args);
	exit_status = 0;
	if ((*env)->ExceptionCheck(env)) {
		(*env)->ExceptionDescribe(env);
		exit_status = 1;
	}
	/* waits for the agent's non-daemon threads, as the java command does */
	(*vm)->DestroyJavaVM(vm);
	return NULL;
}

int main(int argc, char **argv)
{
	launcher_argc = argc;
	launcher_argv = argv;
	pthread_attr_t attributes;
	pthread_attr_init(&attributes);
	pthread_attr_setstacksize(&attributes, 8u << 20);
	pthread_t java;
	if (pthread_create(&java, &attributes, run_java, NULL) != 0) {
		fail("cannot start the Java thread: %s", strerror(errno));
		return 2;
	}
	pthread_join(java, NULL);
	return exit_status;
}
