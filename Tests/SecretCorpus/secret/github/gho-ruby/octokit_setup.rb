require 'octokit'

Octokit.configure do |c|
  c.access_token = "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"
  c.auto_paginate = true
end

client = Octokit::Client.new
client.org_repos('acme-corp').each { |r| puts r.full_name }
