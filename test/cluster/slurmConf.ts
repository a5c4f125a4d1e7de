/** The slurm.conf of a one-node test cluster whose every file lives in one temporary directory. */

/** What the configuration needs to know about this machine and the temporary directory. */
export interface OneNodeClusterOptions {
  /** The temporary directory for state, spool, pid and log files. */
  dir: string;
  /** This machine's short host name (what `slurmd` calls its node). */
  host: string;
  /** CPUs of the node. */
  cpus: number;
  /** Free TCP ports for slurmctld and slurmd (the defaults 6817/6818 may be taken by a real SLURM). */
  slurmctldPort: number;
  slurmdPort: number;
  /** The socket of this cluster's own munged. */
  mungeSocket: string;
}

/** slurm.conf text for one node running slurmctld and slurmd as root, without cgroups or accounting. */
export function oneNodeSlurmConf(options: OneNodeClusterOptions): string {
  const { dir, host, cpus } = options;
  return [
    'ClusterName=immunotwintest',
    `SlurmctldHost=${host}`,
    `SlurmctldPort=${options.slurmctldPort}`,
    `SlurmdPort=${options.slurmdPort}`,
    'SlurmUser=root',
    'SlurmdUser=root',
    'AuthType=auth/munge',
    'CredType=cred/munge',
    `AuthInfo=socket=${options.mungeSocket}`,
    'ProctrackType=proctrack/linuxproc',
    'TaskPlugin=task/none',
    'SelectType=select/cons_tres',
    // Cores only: with memory consumable too, a job that asks for none gets the whole node's memory, and the
    // array's tasks would run one at a time.
    'SelectTypeParameters=CR_Core',
    'SchedulerType=sched/builtin',
    // A job whose dependency can never be met (a failed array task) is cancelled instead of pending forever.
    'DependencyParameters=kill_invalid_depend',
    'JobAcctGatherType=jobacct_gather/none',
    'AccountingStorageType=accounting_storage/none',
    'MpiDefault=none',
    'ReturnToService=2',
    `StateSaveLocation=${dir}/state`,
    `SlurmdSpoolDir=${dir}/spool`,
    `SlurmctldPidFile=${dir}/slurmctld.pid`,
    `SlurmdPidFile=${dir}/slurmd.pid`,
    `SlurmctldLogFile=${dir}/log/slurmctld.log`,
    `SlurmdLogFile=${dir}/log/slurmd.log`,
    `NodeName=${host} CPUs=${cpus} State=UNKNOWN`,
    `PartitionName=test Nodes=${host} Default=YES MaxTime=INFINITE State=UP`,
    '',
  ].join('\n');
}
