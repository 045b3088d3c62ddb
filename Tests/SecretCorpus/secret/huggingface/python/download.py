from huggingface_hub import login, snapshot_download

login(token="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")
snapshot_download("acme/internal-classifier", local_dir="/models/clf")
