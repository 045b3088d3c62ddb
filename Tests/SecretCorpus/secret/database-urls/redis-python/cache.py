import redis

r = redis.Redis.from_url("rediss://default:mcVrUsCrwZRYvlm3QSFzicfsWvaqaoxX@redis-14022.c250.eu-central-1-1.ec2.cloud.redislabs.com:14022/0")


def get_session(sid):
    return r.get(f"sess:{sid}")
