#!/usr/bin/env bash
# Gradescope runs this once, when it builds the autograder image (Ubuntu). It installs a JDK and Maven and builds
# the kit, so that grading itself needs no network. The kit sits next to this file in /autograder/source.
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive
apt-get update -q
apt-get install -y -q openjdk-17-jdk-headless maven zip unzip
cd /autograder/source
# A zip does not always keep the executable bits (make-autograder's jar does not), so set them here.
chmod +x grader/grade run_autograder
# Builds the kit (downloading every dependency into ~/.m2 now) and checks the grader starts.
grader/grade --help >/dev/null
