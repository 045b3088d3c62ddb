from databricks.sdk import WorkspaceClient

w = WorkspaceClient(host="https://dbc-7a3f21c9-04b2.cloud.databricks.com", token="dapi32245982fb43bde785bce77c04f38bd1-2")
for job in w.jobs.list():
    print(job.job_id, job.settings.name)
