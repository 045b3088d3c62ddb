from airflow import DAG
from airflow.providers.postgres.operators.postgres import PostgresOperator
from airflow.hooks.base import BaseHook

conn = BaseHook.get_connection("warehouse")
password = conn.password  # resolved at runtime from the secrets backend

with DAG("nightly_rollup", schedule="@daily", catchup=False) as dag:
    PostgresOperator(task_id="rollup", postgres_conn_id="warehouse", sql="CALL rollup();")
