/* nxes_platform.h: the few things that differ between macOS and Linux besides ES itself
 * (nxes_platform_darwin.c, nxes_platform_linux.c). */
#ifndef NXES_PLATFORM_H
#define NXES_PLATFORM_H

#include <EndpointSecurity/EndpointSecurity.h>
#include <stdint.h>

int nxes_platform_self_audit_token(audit_token_t *token);
uint32_t nxes_platform_os_version(void);

/* ACLs: acl_copy_ext's external form, without allocating (called in the ES handler). */
long nxes_platform_acl_external_size(acl_t acl);
int nxes_platform_acl_copy_external(acl_t acl, void *buffer, long size);

#endif
