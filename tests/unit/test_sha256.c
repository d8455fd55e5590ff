/* test_sha256.c — SHA-256 against the FIPS 180-2/180-4 example vectors and
** digests produced by an independent implementation (coreutils sha256sum). */
#define _POSIX_C_SOURCE 200809L

#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "scenario/sha256.h"

/* one-shot hash of buf[0..n-1] */
static void hash_buf(const void *buf, size_t n, char hex[65]) {
  ps_sha256 s;
  ps_sha256_init(&s);
  ps_sha256_update(&s, buf, n);
  ps_sha256_final_hex(&s, hex);
}

static int hash_is(const char *msg, const char *want) {
  char hex[65];
  hash_buf(msg, strlen(msg), hex);
  if (strcmp(hex, want) == 0) return 1;
  fprintf(stderr, "sha256(\"%.20s...\") = %s\n                       want %s\n", msg, hex, want);
  return 0;
}

static void test_fips_vectors(void) {
  CHECK(hash_is("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"));
  CHECK(hash_is("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
  CHECK(hash_is("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
                "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"));
  CHECK(hash_is("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmno"
                "ijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu",
                "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1"));
}

/* one million 'a' fed in pieces of 1, 3, 7, 63, 64, 65, 127, 4099 bytes, cycling */
static void test_million_a(void) {
  static const size_t piece[] = {1, 3, 7, 63, 64, 65, 127, 4099};
  size_t total = 1000000, done = 0;
  unsigned char *a = malloc(total);
  CHECK(a != NULL);
  if (!a) return;
  memset(a, 'a', total);
  ps_sha256 s;
  ps_sha256_init(&s);
  for (size_t i = 0; done < total; i++) {
    size_t n = piece[i % (sizeof piece / sizeof piece[0])];
    if (n > total - done) n = total - done;
    ps_sha256_update(&s, a + done, n);
    done += n;
  }
  char hex[65];
  ps_sha256_final_hex(&s, hex);
  CHECK(strcmp(hex, "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0") == 0);
  free(a);
}

/* lengths around the one- and two-block padding boundaries (sha256sum digests) */
static void test_padding_boundaries(void) {
  static const struct { size_t n; const char *hex; } v[] = {
    {55, "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318"},
    {56, "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a"},
    {63, "7d3e74a05d7db15bce4ad9ec0658ea98e3f06eeecf16b4c6fff2da457ddc2f34"},
    {64, "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb"},
    {65, "635361c48bb9eab14198e76ea8ab7f1a41685d6ad62aa9146d301d4f17eb0ae0"},
    {119, "31eba51c313a5c08226adf18d4a359cfdfd8d2e816b13f4af952f7ea6584dcfb"},
    {120, "2f3d335432c70b580af0e8e1b3674a7c020d683aa5f73aaaedfdc55af904c21c"},
  };
  unsigned char a[120];
  memset(a, 'a', sizeof a);
  for (size_t i = 0; i < sizeof v / sizeof v[0]; i++) {
    char hex[65];
    hash_buf(a, v[i].n, hex);
    CHECK(strcmp(hex, v[i].hex) == 0);
  }
}

/* every two-piece split of a 130-byte message gives the one-shot digest */
static void test_split_points(void) {
  unsigned char m[130];
  for (size_t i = 0; i < sizeof m; i++) m[i] = (unsigned char)(i * 37 + 11);
  char whole[65];
  hash_buf(m, sizeof m, whole);
  int mismatches = 0;
  for (size_t cut = 0; cut <= sizeof m; cut++) {
    ps_sha256 s;
    char hex[65];
    ps_sha256_init(&s);
    ps_sha256_update(&s, m, cut);
    ps_sha256_update(&s, m + cut, sizeof m - cut);
    ps_sha256_final_hex(&s, hex);
    mismatches += strcmp(hex, whole) != 0;
  }
  CHECK_EQ_INT(mismatches, 0);
}

/* 200000 bytes (several thousand blocks) hash like sha256sum */
static void test_long(void) {
  size_t n = 200000;
  unsigned char *buf = malloc(n);
  CHECK(buf != NULL);
  if (!buf) return;
  for (size_t i = 0; i < n; i++) buf[i] = (unsigned char)((i * 7 + 3) % 251);
  char hex[65];
  hash_buf(buf, n, hex);
  CHECK(strcmp(hex, "d2979f63fc353288130be1837d34f088e378e76c5baa67b8a6077c950db3c286") == 0);
  free(buf);
}

int main(void) {
  test_fips_vectors();
  test_million_a();
  test_padding_boundaries();
  test_split_points();
  test_long();
  return check_summary("test_sha256");
}
