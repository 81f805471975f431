"""Airflow DAG: demarchesDossiers every 15 minutes, one task per démarche.

After a failure (exit 1) the same command resumes the run from its last commit, so Airflow's `retries`
finish it. Exit 2 (bad configuration, e.g. an unknown démarche) and 4 (stopped by an operator) fail the
task without a retry; exit 3 (the previous run of that démarche is still executing) skips it. See
../paging_etl_airflow.py, which goes into the DAGs folder next to this file.
"""
from datetime import datetime, timedelta

from airflow import DAG

from paging_etl_airflow import etl_task

ETL_HOME = "/opt/paging-etl"
DEMARCHES = [62515, 70012]

with DAG(
    dag_id="demarches_dossiers",
    start_date=datetime(2026, 1, 1),
    schedule="*/15 * * * *",
    catchup=False,
    max_active_runs=1,
    default_args={"retries": 5, "retry_delay": timedelta(minutes=2), "retry_exponential_backoff": True},
) as dag:
    for demarche in DEMARCHES:
        etl_task(
            task_id=f"demarche_{demarche}",
            cwd=ETL_HOME,
            command=["java", "-jar", "target/etl.jar", "--job=demarchesDossiers", f"demarche={demarche}"],
            # The token comes from an Airflow connection, never from the DAG file.
            env={"DEMARCHES_API_TOKEN": "{{ conn.demarches_dossiers.password }}"},
        )
