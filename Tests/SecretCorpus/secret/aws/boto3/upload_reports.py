#!/usr/bin/env python3
"""Nightly job: push the generated PDF reports to S3."""
import logging
import pathlib

import boto3

log = logging.getLogger(__name__)

s3 = boto3.client(
    "s3",
    region_name="us-west-2",
    aws_access_key_id="AKIALFVUGUWZ2TJFY25C",
    aws_secret_access_key="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",
)


def upload(directory: pathlib.Path, bucket: str = "acme-reports") -> int:
    count = 0
    for path in sorted(directory.glob("*.pdf")):
        s3.upload_file(str(path), bucket, f"daily/{path.name}")
        log.info("uploaded %s", path.name)
        count += 1
    return count


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    upload(pathlib.Path("/var/reports"))
