package main

import "github.com/redis/go-redis/v9"

var rdb = redis.NewClient(&redis.Options{
	Addr:     "redis.acme.internal:6379",
	Password: "SvpLGqtPMD99bsb7ezZp4gN9",
	DB:       0,
})
