'use strict';
const { S3Client, PutObjectCommand } = require('@aws-sdk/client-s3');

const client = new S3Client({
  region: 'ap-southeast-2',
  credentials: {
    accessKeyId: 'AKIABMQ5FYXINC2IQNBT',
    secretAccessKey: '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',
  },
});

async function putAvatar(userId, body) {
  const cmd = new PutObjectCommand({ Bucket: 'avatars-apse2', Key: `u/${userId}.png`, Body: body });
  return client.send(cmd);
}

module.exports = { putAvatar };
