#!/usr/bin/env bash
# Records what the real etcdctl prints for membership changes against a real single-member etcd
# (Debian's etcd-server/etcd-client 3.4): run from this folder, writes membership-3.4.txt.
# Each block is "$ <args>", then stdout, then "[stderr]" and stderr with the log lines dropped, then "[exit N]".
set -u
dir=$(mktemp -d)
etcd --name cp1 --data-dir "$dir" --listen-client-urls http://127.0.0.1:23790 --advertise-client-urls http://127.0.0.1:23790 \
  --listen-peer-urls http://127.0.0.1:23800 --initial-advertise-peer-urls http://127.0.0.1:23800 --initial-cluster cp1=http://127.0.0.1:23800 >/dev/null 2>&1 &
pid=$!
sleep 3
run() {
  echo "\$ $*"
  ETCDCTL_API=3 etcdctl --endpoints=127.0.0.1:23790 "$@" 2>/tmp/err.$$
  rc=$?
  echo "[stderr]"
  grep -v '^{"level"' /tmp/err.$$
  echo "[exit $rc]"
}
{
  run member add
  run member add a b
  run member add a http://x:1
  run member add a
  run member add a --peer-urls=foo
  run member remove
  run member remove zz
  run member remove ffffffffffffffffff
  run member promote
  run member add cp2 --peer-urls=http://127.0.0.1:23801
  run member list
  run member list -w table
  run member add cp3 --peer-urls=http://127.0.0.1:23802
  run member add cp4 --learner --peer-urls=http://127.0.0.1:23804
  run member remove 1234
} > membership-3.4.txt
kill $pid
rm -rf "$dir" /tmp/err.$$
