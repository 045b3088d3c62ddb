# ~/.profile additions for the batch host
export PATH="$HOME/bin:$PATH"
export JWT_SECRET=fyrFY7Gei0HtQnwWC7glM437MnZcaarJOF5NzCpQLix1dqSHLfQVHyrx9hbrRo7d
export BATCH_CONCURRENCY=4
