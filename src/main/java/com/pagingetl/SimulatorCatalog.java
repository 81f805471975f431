package com.pagingetl;

import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import com.pagingetl.launch.UsageException;
import com.pagingetl.simulator.ApiSimulator;
import com.pagingetl.simulator.SimulatorOptions;
import com.pagingetl.simulator.demarches.DemarchesSimulator;
import com.pagingetl.simulator.rapid.RapidSimulator;
import com.pagingetl.simulator.systax.SystaxSimulator;
import com.pagingetl.simulator.tdg.TdgSimulator;

/** The embedded simulators by their command-line name. */
final class SimulatorCatalog {

    private static final Map<String, Function<SimulatorOptions, ApiSimulator>> SIMULATORS = new TreeMap<>(Map.of(
            "rapid", RapidSimulator::new,
            "demarches", DemarchesSimulator::new,
            "systax", SystaxSimulator::new,
            "tdg", TdgSimulator::new));

    private SimulatorCatalog() {
    }

    static ApiSimulator create(String name, SimulatorOptions options) {
        Function<SimulatorOptions, ApiSimulator> factory = SIMULATORS.get(name);
        if (factory == null) {
            throw new UsageException("unknown simulator '" + name + "'; simulators are " + SIMULATORS.keySet());
        }
        try {
            return factory.apply(options);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }
}
