/** Kernel and machine tools (sysctl, modprobe, lsmod, swapon/swapoff, uptime, timedatectl, hostnamectl) and kernelState. See README.md. */
export { SYSADMIN_PROGRAMS } from './programs.ts';
export { kernelState, loadModule, sysctlPath, type KernelState } from './kernel.ts';
export { provisionKernel, K8S_MODULES, K8S_SYSCTL, type KernelProvision } from './provision.ts';
