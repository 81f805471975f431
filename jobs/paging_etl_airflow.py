"""Runs one paging-etl command as an Airflow 2.x task and tells Airflow what its exit code means.

A BashOperator retries every non-zero exit; a paging-etl exit code says more than "failed":

  code  meaning                                           task outcome (Airflow 2.x)
  0     completed, output published                       success
  1     failed; the same command resumes from its commit  AirflowException: retried per `retries`
  2     bad command or configuration                      AirflowFailException: failed at once, no retry
  3     another run of the same job and scope executes    AirflowSkipException: skipped, that run does the work
  4     stopped on request (--stop)                       AirflowFailException: an operator stopped it on purpose;
                                                          clearing the task resumes the run

Any other code means the JVM itself died (137 after a kill -9 or the OOM killer, 143 after SIGTERM): the job
repository still holds the run's last commit, so it is retried like 1.

Put this file next to the DAG files in the DAGs folder (Airflow adds that folder to sys.path). Credentials
reach the command as environment variables rendered from Airflow connections, never as arguments.
"""
import os
import subprocess

from airflow.exceptions import AirflowException, AirflowFailException, AirflowSkipException
from airflow.operators.python import PythonOperator

COMPLETED = 0
FAILED = 1
USAGE = 2
ALREADY_RUNNING = 3
STOPPED = 4


def outcome(code):
    """The exception that tells Airflow what exit code `code` means; None for success."""
    if code == COMPLETED:
        return None
    if code == ALREADY_RUNNING:
        return AirflowSkipException("exit 3: another run of the same job and scope is executing; it does the work")
    if code == USAGE:
        return AirflowFailException("exit 2: the command or configuration is wrong (see the log); retrying cannot help")
    if code == STOPPED:
        return AirflowFailException("exit 4: the run was stopped on request; clear the task to resume it")
    if code == FAILED:
        return AirflowException("exit 1: the run failed; the retry resumes it from its last commit")
    return AirflowException(f"exit {code}: the JVM died; the retry resumes the run from its last commit")


def run_etl(command, cwd, env):
    """Runs `command` (a list of arguments, no shell) in `cwd`, its output in the task log."""
    with subprocess.Popen(command, cwd=cwd, env={**os.environ, **env}, stdout=subprocess.PIPE,
                          stderr=subprocess.STDOUT, text=True) as process:
        for line in process.stdout:
            print(line, end="")
    error = outcome(process.returncode)
    if error is not None:
        raise error


def etl_task(task_id, command, cwd, env=None, **kwargs):
    """A task that runs one paging-etl command; `env` values may be templates ("{{ conn.x.password }}")."""
    return PythonOperator(task_id=task_id, python_callable=run_etl,
                          op_kwargs={"command": command, "cwd": cwd, "env": env or {}}, **kwargs)
