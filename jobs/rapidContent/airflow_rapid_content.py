"""Airflow DAG: one rapidContent run per day.

After a failure (exit 1) the same command resumes the run from its last commit, so Airflow's `retries`
finish the run without losing or doubling properties. Exit 2 (bad configuration) and 4 (stopped by an
operator) fail the task without a retry; exit 3 (the previous run is still executing) skips it. See
../paging_etl_airflow.py, which goes into the DAGs folder next to this file. The credentials come from an
Airflow connection, exported as environment variables, never as arguments.
"""
from datetime import datetime, timedelta

from airflow import DAG

from paging_etl_airflow import etl_task

ETL_HOME = "/opt/paging-etl"

# Rendered at run time from the Airflow connection "rapid_content" (host = https://api.ean.com,
# login = API key, password = shared secret).
RAPID_ENV = {
    "RAPID_BASE_URL": "{{ conn.rapid_content.host }}",
    "RAPID_API_KEY": "{{ conn.rapid_content.login }}",
    "RAPID_SHARED_SECRET": "{{ conn.rapid_content.password }}",
}

with DAG(
    dag_id="rapid_content",
    start_date=datetime(2026, 1, 1),
    schedule="15 2 * * *",
    catchup=False,
    max_active_runs=1,
    default_args={"retries": 3, "retry_delay": timedelta(minutes=10)},
) as dag:
    etl_task(
        task_id="rapid_content",
        cwd=ETL_HOME,
        command=["java", "-Xmx512m", "-jar", "target/etl.jar", "--job=rapidContent", "concurrency=4"],
        env=RAPID_ENV,
    )
