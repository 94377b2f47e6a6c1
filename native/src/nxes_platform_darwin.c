/* nxes_platform_darwin.c: macOS-only calls: own audit token, OS version, ACL external form. */
#include <mach/mach.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/acl.h>
#include <sys/sysctl.h>

#include "nxes.h"
#include "nxes_platform.h"

int nxes_platform_self_audit_token(audit_token_t *token)
{
	mach_msg_type_number_t count = TASK_AUDIT_TOKEN_COUNT;
	kern_return_t kr = task_info(mach_task_self(), TASK_AUDIT_TOKEN, (task_info_t)token, &count);
	return kr == KERN_SUCCESS ? 0 : -1;
}

uint32_t nxes_platform_os_version(void)
{
	char text[32] = { 0 };
	size_t size = sizeof text - 1;
	if (sysctlbyname("kern.osproductversion", text, &size, NULL, 0) != 0)
		return 101500; /* 10.15.0 lacks the sysctl: the oldest ES release */
	unsigned major = 0, minor = 0, patch = 0;
	sscanf(text, "%u.%u.%u", &major, &minor, &patch);
	return major * 10000u + minor * 100u + patch;
}

/* acl_size and acl_copy_ext read the (immutable) ACL and write into our buffer: no allocation. */
long nxes_platform_acl_external_size(acl_t acl) { return (long)acl_size(acl); }

int nxes_platform_acl_copy_external(acl_t acl, void *buffer, long size)
{
	return acl_copy_ext(buffer, acl, (ssize_t)size) == (ssize_t)size ? 0 : -1;
}

/* Control path (the Java mapper), never the ES handler: allocates. */
int64_t nxes_acl_to_text(const void *external, size_t length, char *text, size_t size)
{
	if (external == NULL || length == 0)
		return -1;
	acl_t acl = acl_copy_int(external);
	if (acl == NULL)
		return -1;
	ssize_t text_length = 0;
	char *rendered = acl_to_text(acl, &text_length);
	acl_free(acl);
	if (rendered == NULL)
		return -1;
	if (text != NULL && size > 0) {
		size_t n = (size_t)text_length < size - 1 ? (size_t)text_length : size - 1;
		memcpy(text, rendered, n);
		text[n] = '\0';
	}
	acl_free(rendered);
	return (int64_t)text_length;
}
