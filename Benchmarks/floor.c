/* The floor for the image-scan benchmark: the least work any scanner must do to look at
 * every file of an image tarball, i.e. read every byte of every layer, decompressed,
 * through libarchive, and nothing else (no hashing, no rules, no output).
 *
 *   cc -O2 -o floor Benchmarks/floor.c -larchive
 *   ./floor IMAGE.tar        (docker-archive or oci-archive)
 *
 * Every member of the outer tar named `*.tar` / `* /layer.tar` or `blobs/sha256/ *` is opened
 * as a nested archive whose read callback pulls the outer entry's data (streamed, never
 * buffered whole), with the gzip and zstd filters and the tar format; members that are not
 * tars (manifests, configs, index) are recognised as such and skipped. Each layer entry is
 * read to its end with archive_read_data and thrown away. Prints one summary line on stderr;
 * exit 0 on success, 2 on any read error. */
#include <archive.h>
#include <archive_entry.h>
#include <fnmatch.h>
#include <stdio.h>
#include <string.h>

static char buf[1 << 16], outer_buf[1 << 20];

static la_ssize_t pull(struct archive *nested, void *outer, const void **block) {
    (void)nested;
    *block = outer_buf;
    return archive_read_data((struct archive *)outer, outer_buf, sizeof outer_buf);
}

int main(int argc, char **argv) {
    if (argc != 2) { fprintf(stderr, "usage: floor IMAGE.tar\n"); return 2; }
    struct archive *outer = archive_read_new();
    archive_read_support_format_tar(outer);
    if (archive_read_open_filename(outer, argv[1], 1 << 20) != ARCHIVE_OK) {
        fprintf(stderr, "floor: %s\n", archive_error_string(outer)); return 2;
    }
    long long layers = 0, entries = 0, bytes = 0, skipped = 0;
    struct archive_entry *member;
    int r;
    while ((r = archive_read_next_header(outer, &member)) == ARCHIVE_OK) {
        const char *name = archive_entry_pathname(member);
        if (archive_entry_filetype(member) != AE_IFREG ||
            (fnmatch("*.tar", name, 0) && fnmatch("blobs/sha256/*", name, 0))) continue;
        struct archive *layer = archive_read_new();
        archive_read_support_filter_gzip(layer);
        archive_read_support_filter_zstd(layer);
        archive_read_support_format_tar(layer);
        struct archive_entry *e;
        int lr = archive_read_open(layer, outer, NULL, pull, NULL);
        if (lr == ARCHIVE_OK) lr = archive_read_next_header(layer, &e);
        if (lr != ARCHIVE_OK && lr != ARCHIVE_EOF) {  /* a JSON blob: not a layer */
            skipped++; archive_read_free(layer); continue;
        }
        layers++;
        while (lr == ARCHIVE_OK) {
            entries++;
            la_ssize_t n;
            while ((n = archive_read_data(layer, buf, sizeof buf)) > 0) bytes += n;
            if (n < 0) { fprintf(stderr, "floor: %s: %s\n", name, archive_error_string(layer)); return 2; }
            lr = archive_read_next_header(layer, &e);
        }
        if (lr != ARCHIVE_EOF) { fprintf(stderr, "floor: %s: %s\n", name, archive_error_string(layer)); return 2; }
        archive_read_free(layer);
    }
    if (r != ARCHIVE_EOF) { fprintf(stderr, "floor: %s\n", archive_error_string(outer)); return 2; }
    archive_read_free(outer);
    fprintf(stderr, "floor: %lld layers, %lld entries, %lld file bytes (%lld non-layer blobs skipped)\n",
            layers, entries, bytes, skipped);
    return layers > 0 ? 0 : 2;
}
