from pymongo import MongoClient

client = MongoClient('mongodb://root:Winter%406016x@10.1.4.21:27017/?authSource=admin')
db = client['telemetry']
