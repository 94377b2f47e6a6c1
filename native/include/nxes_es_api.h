/*
 * nxes_es_api.h: the seam between the shim and Endpoint Security (a struct of function pointers,
 * as Santa's EndpointSecurityAPI). nxes_es_system_api() binds it to the framework the shim was
 * built against (Apple's on macOS, fake-es on Linux); tests bind it to their own functions.
 */
#ifndef NXES_ES_API_H
#define NXES_ES_API_H

#include <EndpointSecurity/EndpointSecurity.h>
#include <stdint.h>

typedef struct nxes_es_api {
	es_new_client_result_t (*new_client)(es_client_t **client, es_handler_block_t handler);
	es_return_t (*delete_client)(es_client_t *client);
	es_return_t (*subscribe)(es_client_t *client, const es_event_type_t *events, uint32_t count);
	es_return_t (*unsubscribe)(es_client_t *client, const es_event_type_t *events, uint32_t count);
	es_return_t (*unsubscribe_all)(es_client_t *client);
	/* macOS 12+: es_mute_path; NULL where the running system lacks it */
	es_return_t (*mute_path)(es_client_t *client, const char *path, es_mute_path_type_t type);
	/* before macOS 12 (deprecated since) */
	es_return_t (*mute_path_prefix)(es_client_t *client, const char *path);
	es_return_t (*mute_path_literal)(es_client_t *client, const char *path);
	es_return_t (*unmute_all_paths)(es_client_t *client);
	es_return_t (*mute_process)(es_client_t *client, const audit_token_t *token);
	/* the calling process's own audit token; 0 on success */
	int (*self_audit_token)(audit_token_t *token);
	/* running OS as major*10000 + minor*100 + patch (macOS 15.4.1 -> 150401) */
	uint32_t (*os_version)(void);
} nxes_es_api;

const nxes_es_api *nxes_es_system_api(void);

#endif
