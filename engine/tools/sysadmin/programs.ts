import type { ProgramDef } from '../types.ts';
import { runHostnamectl, runTimedatectl, runUptime } from './info.ts';
import { runLsmod, runModprobe } from './modules.ts';
import { runSwapoff, runSwapon } from './swap.ts';
import { runSysctl } from './sysctl.ts';

/** SYSADMIN_PROGRAMS are the kernel and machine tools: sysctl, modprobe, lsmod, swapon, swapoff, uptime, timedatectl, hostnamectl. */
export const SYSADMIN_PROGRAMS: ProgramDef[] = [
  { name: 'sysctl', path: '/usr/sbin/sysctl', program: runSysctl, man: 'NAME\n       sysctl - configure kernel parameters at runtime\n' },
  { name: 'modprobe', path: '/usr/sbin/modprobe', program: runModprobe, man: 'NAME\n       modprobe - Add and remove modules from the Linux Kernel\n' },
  { name: 'lsmod', path: '/usr/sbin/lsmod', program: runLsmod, man: 'NAME\n       lsmod - Show the status of modules in the Linux Kernel\n' },
  { name: 'swapon', path: '/usr/sbin/swapon', program: runSwapon, man: 'NAME\n       swapon, swapoff - enable/disable devices and files for paging and swapping\n' },
  { name: 'swapoff', path: '/usr/sbin/swapoff', program: runSwapoff, man: 'NAME\n       swapon, swapoff - enable/disable devices and files for paging and swapping\n' },
  { name: 'uptime', path: '/usr/bin/uptime', program: runUptime, man: 'NAME\n       uptime - Tell how long the system has been running.\n' },
  { name: 'timedatectl', path: '/usr/bin/timedatectl', program: runTimedatectl, man: 'NAME\n       timedatectl - Control the system time and date\n' },
  { name: 'hostnamectl', path: '/usr/bin/hostnamectl', program: runHostnamectl, man: 'NAME\n       hostnamectl - Control the system hostname\n' },
];
