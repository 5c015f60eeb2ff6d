/** Network tools: curl, wget, nslookup, dig, host, nc, ping, ip, ss, iptables, iptables-save. See README.md. */
import type { ProgramDef } from '../types.ts';
import { curl } from './curl.ts';
import { dig } from './dig.ts';
import { host } from './host.ts';
import { ip } from './ip.ts';
import { nc } from './nc.ts';
import { nslookup } from './nslookup.ts';
import { ping } from './ping.ts';
import { wget } from './wget.ts';
import { iptablesSave } from './iptables-save.ts';
import { runIptables as iptables } from './iptables/iptables.ts';
import { ss } from './ss.ts';

export { curl, dig, host, ip, iptables, iptablesSave, nc, nslookup, ping, ss, wget };

/** NET_PROGRAMS are the network tools as host binaries (container images reach them by name through the program registry). */
export const NET_PROGRAMS: ProgramDef[] = [
  { name: 'curl', path: '/usr/bin/curl', program: curl, man: 'curl - transfer a URL\n\nSYNOPSIS\n       curl [options / URLs]\n\nDESCRIPTION\n       curl is a tool for transferring data from or to a server using URLs.\n' },
  { name: 'wget', path: '/usr/bin/wget', program: wget, man: 'wget - The non-interactive network downloader.\n\nSYNOPSIS\n       wget [option]... [URL]...\n\nDESCRIPTION\n       GNU Wget is a free utility for non-interactive download of files from the Web.\n' },
  { name: 'nslookup', path: '/usr/bin/nslookup', program: nslookup, man: 'nslookup - query Internet name servers interactively\n\nSYNOPSIS\n       nslookup [-option] [name | -] [server]\n\nDESCRIPTION\n       Nslookup is a program to query Internet domain name servers.\n' },
  { name: 'dig', path: '/usr/bin/dig', program: dig, man: 'dig - DNS lookup utility\n\nSYNOPSIS\n       dig [@server] [-t type] [-x addr] [name] [type] [queryopt...]\n\nDESCRIPTION\n       dig is a flexible tool for interrogating DNS name servers.\n' },
  { name: 'host', path: '/usr/bin/host', program: host, man: 'host - DNS lookup utility\n\nSYNOPSIS\n       host [-t type] {name} [server]\n\nDESCRIPTION\n       host is a simple utility for performing DNS lookups.\n' },
  { name: 'nc', path: '/usr/bin/nc', program: nc, man: 'nc - arbitrary TCP and UDP connections and listens\n\nSYNOPSIS\n       nc [-vz] [-w timeout] [destination] [port]\n\nDESCRIPTION\n       The nc (or netcat) utility is used for just about anything under the sun involving TCP or UDP.\n' },
  { name: 'ping', path: '/usr/bin/ping', program: ping, man: 'ping - send ICMP ECHO_REQUEST to network hosts\n\nSYNOPSIS\n       ping [-c count] {destination}\n\nDESCRIPTION\n       ping uses the ICMP protocol\'s mandatory ECHO_REQUEST datagram to elicit an ICMP ECHO_RESPONSE from a host or gateway.\n' },
  { name: 'ip', path: '/usr/sbin/ip', program: ip, man: 'ip - show / manipulate routing, network devices, interfaces and tunnels\n\nSYNOPSIS\n       ip [ OPTIONS ] OBJECT { COMMAND | help }\n\nDESCRIPTION\n       Shows addresses (ip addr), links (ip link) and routes (ip route).\n' },
  { name: 'ss', path: '/usr/bin/ss', program: ss, man: 'ss - another utility to investigate sockets\n\nSYNOPSIS\n       ss [options] [ FILTER ]\n\nDESCRIPTION\n       ss is used to dump socket statistics (here: listening TCP sockets, ss -tlnp).\n' },
  { name: 'iptables', path: '/usr/sbin/iptables', program: iptables, man: 'iptables/ip6tables — administration tool for IPv4/IPv6 packet filtering and NAT\n\nSYNOPSIS\n       iptables [-t table] {-A|-C|-D} chain rule-specification\n       iptables [-t table] -I chain [rulenum] rule-specification\n       iptables [-t table] -R chain rulenum rule-specification\n       iptables [-t table] -D chain rulenum\n       iptables [-t table] -S [chain [rulenum]]\n       iptables [-t table] {-F|-L|-Z} [chain [rulenum]] [options...]\n       iptables [-t table] -N chain\n       iptables [-t table] -X [chain]\n       iptables [-t table] -P chain target\n       iptables [-t table] -E old-chain-name new-chain-name\n\nDESCRIPTION\n       Iptables and ip6tables are used to set up, maintain, and inspect the tables of IPv4 and IPv6 packet filter rules in the Linux kernel.\n' },
  { name: 'iptables-save', path: '/usr/sbin/iptables-save', program: iptablesSave, man: 'iptables-save - dump iptables rules\n\nSYNOPSIS\n       iptables-save [-c] [-t table]\n\nDESCRIPTION\n       iptables-save prints the contents of the IP tables (here: the rules kube-proxy keeps on a node).\n' },
];
