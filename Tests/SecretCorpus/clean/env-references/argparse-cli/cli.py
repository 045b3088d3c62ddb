import argparse
import getpass


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--user", required=True)
    p.add_argument("--password", help="prompted for when omitted")
    p.add_argument("--token-file", help="file holding the API token")
    args = p.parse_args()
    password = args.password or getpass.getpass("Password: ")
    token = open(args.token_file).read().strip() if args.token_file else None
    return args.user, password, token
