# Copy this file to config.py and edit.
API_KEY = "your-api-key"
API_SECRET = "your-api-secret"
DATABASE_URI = "postgresql://user:password@localhost/dbname"
