"""Airflow DAG: tdgVersions, one task per model type (snapshot every hour for Account, daily for Country).

After a failure (exit 1) the same command resumes the run from its last commit and its pinned version, so
Airflow's `retries` finish it. Exit 2 (bad configuration, e.g. an unknown type) and 4 (stopped by an
operator) fail the task without a retry; exit 3 (the previous run of that type is still executing) skips it.
See ../paging_etl_airflow.py, which goes into the DAGs folder next to this file.
"""
from datetime import datetime, timedelta

from airflow import DAG

from paging_etl_airflow import etl_task

ETL_HOME = "/opt/paging-etl"

# Rendered at run time from the Airflow connection "tdg" (host = the grid's base URL, password = token).
TDG_ENV = {
    "TDG_BASE_URL": "{{ conn.tdg.host }}",
    "TDG_TOKEN": "{{ conn.tdg.password }}",
}

DEFAULT_ARGS = {"retries": 3, "retry_delay": timedelta(minutes=5)}

with DAG(
    dag_id="tdg_versions_account",
    start_date=datetime(2026, 1, 1),
    schedule="15 * * * *",
    catchup=False,
    max_active_runs=1,
    default_args=DEFAULT_ARGS,
) as account:
    etl_task(
        task_id="account",
        cwd=ETL_HOME,
        command=["java", "-jar", "target/etl.jar", "--job=tdgVersions", "type=Account",
                 "--etl.jobs.tdg-versions.update-field.Account=updated_at"],
        env=TDG_ENV,
    )

with DAG(
    dag_id="tdg_versions_country",
    start_date=datetime(2026, 1, 1),
    schedule="30 2 * * *",
    catchup=False,
    max_active_runs=1,
    default_args=DEFAULT_ARGS,
) as country:
    etl_task(task_id="country", cwd=ETL_HOME, command=["java", "-jar", "target/etl.jar", "--job=tdgVersions", "type=Country"], env=TDG_ENV)
