package config

var ElasticURL = "https://elastic:AVp0W3OGOxyxiRAS9imfDZ5s@logs-7f2a1c.es.eu-west-1.aws.found.io:9243"
