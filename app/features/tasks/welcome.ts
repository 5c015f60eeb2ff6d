/** WELCOME is shown in the task panel when no exercise is loaded. */
export const WELCOME = `# Your lab

A kubeadm cluster: **controlplane**, **node01** and **node02**. You are \`candidate\`, with \`kubectl\` configured, as in the exam; \`ssh\` reaches every node.

## Try

- \`kubectl get nodes\` and \`kubectl get pods -A\`
- \`kubectl run web --image=nginx\` and watch it appear in the graph
- \`kubectl create deployment web --image=nginx --replicas=3 --dry-run=client -o yaml > web.yaml\`, then \`vi web.yaml\`: the editor opens with schema checks; **Apply** runs \`kubectl apply -f\` for you
- \`ssh node01\`, \`sudo -i\`, \`systemctl status kubelet\`
- \`ssh controlplane\`, then \`ls /etc/kubernetes/manifests\`: the control plane runs as static pods

## Terminal

Readline keys as in bash: Ctrl-A/E/K/U/W/Y, Alt-B/F/D/., the arrows for history, Ctrl-R to search it, Tab to complete commands, flags, resource types, names and files, Ctrl-C to stop \`-w\`, \`-f\`, \`watch\` and \`sleep\`. Copy with Ctrl+Shift+C, paste with Ctrl+Shift+V or a right click.

## Graph

Click a pod, node or object to see its YAML and events; a **Pending** pod also shows each scheduler filter's verdict per node.
`;
