package main

import (
	"log"

	amqp "github.com/rabbitmq/amqp091-go"
)

const brokerURL = "amqps://events:spYjXMqNgouIL6FGeFWW@b-3f1c2d9e.mq.eu-west-1.amazonaws.com:5671/"

func main() {
	conn, err := amqp.Dial(brokerURL)
	if err != nil {
		log.Fatalf("dial: %v", err)
	}
	defer conn.Close()
}
