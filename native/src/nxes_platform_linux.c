/* nxes_platform_linux.c: Linux stand-ins for the macOS-only calls, backed by fake-es. */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "fake_es.h"
#include "nxes.h"
#include "nxes_platform.h"

int nxes_platform_self_audit_token(audit_token_t *token)
{
	memset(token, 0, sizeof *token);
	token->val[0] = (unsigned)getuid(); /* no audit uid on Linux */
	token->val[1] = (unsigned)geteuid();
	token->val[2] = (unsigned)getegid();
	token->val[3] = (unsigned)getuid();
	token->val[4] = (unsigned)getgid();
	token->val[5] = (unsigned)getpid();
	return 0;
}

uint32_t nxes_platform_os_version(void) { return fake_es_os_version(); }

long nxes_platform_acl_external_size(acl_t acl) { return (long)acl->length; }

int nxes_platform_acl_copy_external(acl_t acl, void *buffer, long size)
{
	if (size != (long)acl->length)
		return -1;
	if (acl->length > 0) /* an empty fake ACL has no text (macOS's external form is never empty) */
		memcpy(buffer, acl->text, acl->length);
	return 0;
}

int64_t nxes_acl_to_text(const void *external, size_t length, char *text, size_t size)
{
	if (external == NULL)
		return -1;
	if (text != NULL && size > 0) {
		size_t n = length < size - 1 ? length : size - 1;
		memcpy(text, external, n);
		text[n] = '\0';
	}
	return (int64_t)length;
}
