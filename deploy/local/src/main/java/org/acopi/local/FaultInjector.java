package org.acopi.local;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.common.GroupState;

/**
 * The chaos run's faults, on a thread of their own, within a window from the start of the input: SIGKILLs of service
 * instances at jittered, evenly spread moments, each instance started again after 1 to 5 s; one graceful broker
 * restart at 30-40% of the window; one MongoDB outage starting at 50-60%. The kills take turns: any live instance; an
 * instance that is starting (one whose restart has not reached UP yet, or else one killed and started at once, then
 * killed again 2 to 6 s into its start-up, which makes two kills); an instance of a service whose consumer group is
 * rebalancing (waited for up to 15 s, else any instance). Deterministic by seed only as far as timing allows.
 */
final class FaultInjector {

    private enum Moment { ANY, START_UP, REBALANCE }

    private static final Set<GroupState> REBALANCING = EnumSet.of(GroupState.PREPARING_REBALANCE,
            GroupState.COMPLETING_REBALANCE, GroupState.ASSIGNING, GroupState.RECONCILING);
    private static final Duration REBALANCE_WAIT = Duration.ofSeconds(15);
    private static final Duration STARTING = Duration.ofSeconds(90);

    private final ScratchStack stack;
    private final ServiceFleet fleet;
    private final Admin admin;
    private final Random random;
    private final int plannedKills;
    private final Duration window;
    private final Duration mongoOutage;
    private final Map<ServiceFleet.Instance, Long> restartDue = new HashMap<>();
    private final Map<ServiceFleet.Instance, Long> launchedAt = new HashMap<>();
    private final Thread thread = new Thread(this::inject, "acopi-chaos-faults");
    private volatile RuntimeException failure;

    private int kills;
    private int killsDuringStartUp;
    private int killsDuringRebalance;
    private boolean brokerRestarted;
    private boolean mongoRestored;
    private volatile long lastFaultNanos;

    /** What was done, for the run's figures. */
    record Tally(int kills, int duringStartUp, int duringRebalance, boolean brokerRestarted, boolean mongoOutage,
                 long lastFaultNanos) {
    }

    FaultInjector(ScratchStack stack, Admin admin, long seed, int kills, Duration window, Duration mongoOutage) {
        this.stack = stack;
        this.fleet = stack.services();
        this.admin = admin;
        this.random = new Random(seed);
        this.plannedKills = kills;
        this.window = window;
        this.mongoOutage = mongoOutage;
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /** Waits until every fault is done and every killed instance started again; rethrows what stopped the faults. */
    Tally awaitDone() {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        if (failure != null) {
            throw failure;
        }
        return new Tally(kills, killsDuringStartUp, killsDuringRebalance, brokerRestarted, mongoRestored, lastFaultNanos);
    }

    private void inject() {
        try {
            long start = System.nanoTime();
            long windowNanos = window.toNanos();
            long[] killAt = new long[plannedKills];
            for (int i = 0; i < plannedKills; i++) {
                killAt[i] = start + (long) ((i + 0.5 + (random.nextDouble() - 0.5) * 0.8) * windowNanos / plannedKills);
            }
            long brokerAt = start + (long) (windowNanos * (0.3 + 0.1 * random.nextDouble()));
            long mongoAt = Math.min(start + (long) (windowNanos * (0.5 + 0.1 * random.nextDouble())),
                    start + windowNanos - mongoOutage.toNanos());
            long mongoBackAt = Long.MAX_VALUE;
            int next = 0;
            while (kills < plannedKills || !brokerRestarted || !mongoRestored || !restartDue.isEmpty()) {
                long now = System.nanoTime();
                relaunchDue(now);
                if (mongoBackAt != Long.MAX_VALUE && now >= mongoBackAt) {
                    stack.startMongo();
                    mongoRestored = true;
                    mongoBackAt = Long.MAX_VALUE;
                    fault("MongoDB is back after " + mongoOutage.toSeconds() + " s");
                } else if (!brokerRestarted && now >= brokerAt) {
                    fault("restarting the broker");
                    stack.restartBroker();
                    brokerRestarted = true;
                    fault("the broker is back");
                } else if (mongoBackAt == Long.MAX_VALUE && !mongoRestored && now >= mongoAt) {
                    stack.stopMongo();
                    mongoBackAt = System.nanoTime() + mongoOutage.toNanos();
                    fault("MongoDB stopped for " + mongoOutage.toSeconds() + " s");
                } else if (kills < plannedKills && now >= killAt[Math.min(next, plannedKills - 1)]) {
                    kill(Moment.values()[next % Moment.values().length]);
                    next++;
                }
                Sleeps.pause(Duration.ofMillis(100));
            }
        } catch (RuntimeException e) {
            failure = e;
        }
    }

    private void kill(Moment moment) {
        if (moment == Moment.START_UP) {
            killDuringStartUp();
        } else if (moment == Moment.REBALANCE) {
            killDuringRebalance();
        } else {
            killNow(pick(live()), "");
        }
    }

    private void killDuringStartUp() {
        List<ServiceFleet.Instance> starting = live().stream().filter(this::starting).toList();
        if (!starting.isEmpty()) {
            killsDuringStartUp++;
            killNow(pick(starting), " during its start-up");
            return;
        }
        ServiceFleet.Instance victim = pick(live());
        fleet.kill(victim);
        kills++;
        fleet.launch(victim);
        launchedAt.put(victim, System.nanoTime());
        fault("kill " + kills + ": " + victim + " (SIGKILL, started again at once)");
        Sleeps.pause(Duration.ofMillis(2000 + random.nextInt(4000)));
        if (starting(victim)) {
            killsDuringStartUp++;
            killNow(victim, " during its start-up");
        } else {
            killNow(victim, "");
        }
    }

    private void killDuringRebalance() {
        long deadline = System.nanoTime() + REBALANCE_WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<Service> rebalancing = rebalancing();
            if (rebalancing.isPresent()) {
                List<ServiceFleet.Instance> candidates = live().stream()
                        .filter(i -> i.service().equals(rebalancing.get())).toList();
                if (!candidates.isEmpty()) {
                    killsDuringRebalance++;
                    killNow(pick(candidates), " while a group of " + rebalancing.get().name() + " rebalances");
                    return;
                }
            }
            relaunchDue(System.nanoTime());
            Sleeps.pause(Duration.ofMillis(100));
        }
        killNow(pick(live()), " (no rebalance seen within " + REBALANCE_WAIT.toSeconds() + " s)");
    }

    private void killNow(ServiceFleet.Instance victim, String when) {
        fleet.kill(victim);
        kills++;
        restartDue.put(victim, System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(1000 + random.nextInt(4000)));
        fault("kill " + kills + ": " + victim + " (SIGKILL)" + when);
    }

    private void relaunchDue(long now) {
        for (ServiceFleet.Instance instance : List.copyOf(restartDue.keySet())) {
            if (now >= restartDue.get(instance)) {
                restartDue.remove(instance);
                fleet.launch(instance);
                launchedAt.put(instance, System.nanoTime());
                Progress.info("chaos: started " + instance + " again");
            }
        }
    }

    /** Alive but not UP yet, within a start-up's usual time of its launch. */
    private boolean starting(ServiceFleet.Instance instance) {
        Long launched = launchedAt.get(instance);
        return launched != null && System.nanoTime() - launched < STARTING.toNanos() && fleet.alive(instance)
                && !fleet.healthy(instance);
    }

    private List<ServiceFleet.Instance> live() {
        List<ServiceFleet.Instance> live = new ArrayList<>(fleet.instances().stream()
                .filter(i -> !restartDue.containsKey(i) && fleet.alive(i)).toList());
        if (live.isEmpty()) {
            throw new IllegalStateException("no live service instance to kill");
        }
        return live;
    }

    private Optional<Service> rebalancing() {
        try {
            Map<String, ConsumerGroupDescription> groups = admin.describeConsumerGroups(
                    Service.allConsumerGroups()).all().get(5, TimeUnit.SECONDS);
            return Service.ALL.stream().filter(s -> s.consumerGroups().stream().map(groups::get)
                    .anyMatch(group -> group != null && REBALANCING.contains(group.groupState()))).findFirst();
        } catch (ExecutionException | TimeoutException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private <T> T pick(List<T> from) {
        return from.get(random.nextInt(from.size()));
    }

    private void fault(String what) {
        lastFaultNanos = System.nanoTime();
        Progress.info("chaos: " + what);
    }
}
