@echo off
REM local dev settings for the uploader
set AWS_ACCESS_KEY_ID=AKIAJI65GKBZ4JQP66BA
set AWS_SECRET_ACCESS_KEY=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
set AWS_REGION=eu-west-3
java -jar uploader.jar %*
