broker_url = 'amqp://orders:Orange%2A5531@rabbitmq.acme.internal:5672/orders'
result_backend = 'rpc://'
task_serializer = 'json'
accept_content = ['json']
timezone = 'Europe/Berlin'
