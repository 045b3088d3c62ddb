gitlab-runner register --non-interactive \
  --url https://gitlab.acme.io/ \
  --registration-token GR1348941pL77DxE4TY2TIxI3thIK \
  --executor docker --docker-image alpine:3.19 \
  --description "shared-runner-$(hostname)"
