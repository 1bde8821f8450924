/* Reading the C tests' input files. */
#ifndef ROLLGATE_TESTS_CAPI_TEST_FILES_H
#define ROLLGATE_TESTS_CAPI_TEST_FILES_H

#include <stdio.h>
#include <stdlib.h>

/* The whole file, NUL-terminated, its length in *len when len is not NULL;
 * NULL when it cannot be read.  The caller frees it. */
static inline char *read_file(const char *path, size_t *len) {
  FILE *f = fopen(path, "rb");
  char *text;
  long size;
  if (!f) return NULL;
  fseek(f, 0, SEEK_END);
  size = ftell(f);
  fseek(f, 0, SEEK_SET);
  text = size < 0 ? NULL : (char *)malloc((size_t)size + 1);
  if (text && fread(text, 1, (size_t)size, f) != (size_t)size) {
    free(text);
    text = NULL;
  }
  fclose(f);
  if (!text) return NULL;
  text[size] = '\0';
  if (len) *len = (size_t)size;
  return text;
}

/* folder/name, read whole; a test input that is missing ends the test
 * with exit status 2. */
static inline char *read_file_in(const char *folder, const char *name) {
  char path[4096];
  char *text;
  snprintf(path, sizeof path, "%s/%s", folder, name);
  text = read_file(path, NULL);
  if (!text) {
    fprintf(stderr, "cannot read %s\n", path);
    exit(2);
  }
  return text;
}

#endif
