"""Airflow DAG: one systaxRules process per day.

After a failure (exit 1) the same command resumes the run from its last commit, so Airflow's `retries`
finish the run without losing or doubling rules. Exit 2 (bad configuration) and 4 (stopped by an operator)
fail the task without a retry; exit 3 (the previous run is still executing) skips it. See
../paging_etl_airflow.py, which goes into the DAGs folder next to this file. The credentials come from an
Airflow connection, exported as environment variables, never as arguments.
"""
from datetime import datetime, timedelta

from airflow import DAG

from paging_etl_airflow import etl_task

ETL_HOME = "/opt/paging-etl"

# Rendered at run time from the Airflow connection "systax_rules" (host = base URL, e.g. https://host/api).
SYSTAX_ENV = {
    "SYSTAX_BASE_URL": "{{ conn.systax_rules.host }}",
    "SYSTAX_USERNAME": "{{ conn.systax_rules.login }}",
    "SYSTAX_PASSWORD": "{{ conn.systax_rules.password }}",
}

with DAG(
    dag_id="systax_rules",
    start_date=datetime(2026, 1, 1),
    schedule="30 5 * * *",
    catchup=False,
    max_active_runs=1,
    default_args={"retries": 3, "retry_delay": timedelta(minutes=10)},
) as dag:
    etl_task(
        task_id="systax_rules",
        cwd=ETL_HOME,
        command=["java", "-jar", "target/etl.jar", "--job=systaxRules"],
        env=SYSTAX_ENV,
    )
