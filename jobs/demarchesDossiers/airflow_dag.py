"""demarchesDossiers in Airflow: one task per démarche; a failed try is retried with the same command,
which resumes the failed run from its last commit (exit 1). Exit 2 (bad configuration) is not worth
retrying; exit 3 means the same démarche is already running."""
from datetime import datetime, timedelta

from airflow import DAG
from airflow.operators.bash import BashOperator

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
        BashOperator(
            task_id=f"demarche_{demarche}",
            cwd="/opt/etl",
            bash_command=f"java -jar etl.jar --job=demarchesDossiers demarche={demarche}",
            # The token comes from an Airflow connection or variable, never from the DAG file.
            env={"DEMARCHES_API_TOKEN": "{{ var.value.demarches_api_token }}"},
            append_env=True,
            skip_on_exit_code=3,
        )
