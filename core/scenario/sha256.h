/* sha256.h — SHA-256 of the bytes read, so reports can name exactly which
** scenario and data files produced them (FIPS 180-4). */
#ifndef PS_SHA256_H
#define PS_SHA256_H

#include <stddef.h>
#include <stdint.h>

typedef struct {
  uint32_t h[8];
  uint64_t length;        /* bytes hashed so far */
  unsigned char block[64];
  size_t used;            /* bytes waiting in block */
} ps_sha256;

void ps_sha256_init(ps_sha256 *s);
void ps_sha256_update(ps_sha256 *s, const void *data, size_t n);
/* writes 64 lowercase hex digits and a NUL to hex[65] */
void ps_sha256_final_hex(ps_sha256 *s, char hex[65]);

#endif
