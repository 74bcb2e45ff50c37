/** Whether a process id is taken by a running process (signal 0 checks without signalling; EPERM: running, someone else's). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM"
  }
}
