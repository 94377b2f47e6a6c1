/*
 * nxes_es_system.c: binds the ES seam to the framework this build links (Apple's
 * EndpointSecurity.framework on macOS, fake-es on Linux). The only file that names es_* calls.
 */
#include "nxes_es_api.h"
#include "nxes_platform.h"

static es_return_t mute_path(es_client_t *client, const char *path, es_mute_path_type_t type)
{
#if defined(__APPLE__)
	if (__builtin_available(macOS 12.0, *))
		return es_mute_path(client, path, type);
	return ES_RETURN_ERROR;
#else
	return es_mute_path(client, path, type);
#endif
}

/* The calls macOS 12 deprecated; the only ones before it. */
#pragma clang diagnostic push
#pragma clang diagnostic ignored "-Wdeprecated-declarations"
static es_return_t mute_path_prefix(es_client_t *client, const char *path)
{
	return es_mute_path_prefix(client, path);
}

static es_return_t mute_path_literal(es_client_t *client, const char *path)
{
	return es_mute_path_literal(client, path);
}
#pragma clang diagnostic pop

static const nxes_es_api system_api = {
	.new_client = es_new_client,
	.delete_client = es_delete_client,
	.subscribe = es_subscribe,
	.unsubscribe = es_unsubscribe,
	.unsubscribe_all = es_unsubscribe_all,
	.mute_path = mute_path,
	.mute_path_prefix = mute_path_prefix,
	.mute_path_literal = mute_path_literal,
	.unmute_all_paths = es_unmute_all_paths,
	.mute_process = es_mute_process,
	.self_audit_token = nxes_platform_self_audit_token,
	.os_version = nxes_platform_os_version,
};

const nxes_es_api *nxes_es_system_api(void) { return &system_api; }
