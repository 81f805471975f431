"""Airflow DAG: one rapidContent run per day.

After a failure (exit 1) the same command resumes the run from its last commit, so Airflow's `retries`
finish the run without losing or doubling properties. Exit 2 (bad configuration) and 3 (already running)
fail the task; fix the cause and clear the task. The credentials come from an Airflow connection,
exported as environment variables, never as arguments.
"""
from datetime import datetime, timedelta

from airflow import DAG
from airflow.operators.bash import BashOperator

ETL_HOME = "/opt/paging-etl"

# Rendered at run time from the Airflow connection "rapid_content" (host = https://api.ean.com,
# login = API key, password = shared secret).
RAPID_ENV = {
    "RAPID_BASE_URL": "{{ conn.rapid_content.host }}",
    "RAPID_API_KEY": "{{ conn.rapid_content.login }}",
    "RAPID_SHARED_SECRET": "{{ conn.rapid_content.password }}",
    "JAVA_OPTS": "-Xmx512m",
}

with DAG(
    dag_id="rapid_content",
    start_date=datetime(2026, 1, 1),
    schedule="15 2 * * *",
    catchup=False,
    max_active_runs=1,
    default_args={"retries": 3, "retry_delay": timedelta(minutes=10)},
) as dag:
    BashOperator(
        task_id="rapid_content",
        cwd=ETL_HOME,
        bash_command="java $JAVA_OPTS -jar target/etl.jar --job=rapidContent concurrency=4",
        env=RAPID_ENV,
        append_env=True,
    )
