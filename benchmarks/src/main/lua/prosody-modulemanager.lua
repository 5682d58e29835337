-- Times Prosody's own core.modulemanager attaching one trivial shared module to N hosts and
-- detaching it again, the same work as hostmod's SharedModuleBenchmark. No server is started:
-- hosts are plain tables with an event bus, as core.hostmanager would make them.
--
-- usage: lua5.4 prosody-modulemanager.lua <prosody source dir> <plugin dir> <N,N,...> <seconds per N>
-- prints one line per N: "prosody <N> <nanoseconds per operation> <operations timed>"

local source_dir, plugin_dir, sizes, seconds = arg[1], arg[2], arg[3], tonumber(arg[4] or "1");
package.path = source_dir .. "/?.lua;" .. package.path;
package.cpath = source_dir .. "/?.so;" .. package.cpath;
CFG_PLUGINDIR = plugin_dir; -- read by util.pluginloader when it is first required

-- net.server is the network loop, which refuses to load outside a running server; the module
-- manager needs it only through util.timer for module:add_timer(), which this module does not use.
package.loaded["net.server"] = { timer = {} };

local events = require "util.events";
prosody = {
	hosts = {};
	events = events.new();
	paths = { plugins = plugin_dir };
	platform = "posix";
	-- Set by core.stanza_router in a real server; core.moduleapi only checks that it exists.
	core_post_stanza = function() end;
};
local modulemanager = require "core.modulemanager";

-- The module under test: mod_bench_shared.lua in plugin_dir, a shared module (global, with add_host).
local MODULE = "bench_shared";

local function make_hosts(n)
	local names = {};
	for i = 1, n do
		local name = "host" .. i .. ".example";
		prosody.hosts[name] = { host = name, type = "local", events = events.new(), modules = {} };
		names[i] = name;
	end
	return names;
end

local function drop_hosts(names)
	for _, name in ipairs(names) do
		prosody.events.fire_event("host-deactivated", name);
		prosody.hosts[name] = nil;
	end
end

-- One operation: load on every host (the first creates the global instance), unload from every
-- host, unload the global instance.
local function operation(names)
	for i = 1, #names do
		local mod, err = modulemanager.load(names[i], MODULE);
		if not mod then error("load on " .. names[i] .. " failed: " .. tostring(err)); end
	end
	for i = 1, #names do
		local ok, err = modulemanager.unload(names[i], MODULE);
		if not ok then error("unload on " .. names[i] .. " failed: " .. tostring(err)); end
	end
	local ok, err = modulemanager.unload("*", MODULE);
	if not ok then error("unload on * failed: " .. tostring(err)); end
end

for size in sizes:gmatch("%d+") do
	local n = tonumber(size);
	local names = make_hosts(n);
	-- Warm up for a third of the time, then count operations until the time is up.
	local clock = os.clock;
	local warm_until = clock() + seconds / 3;
	while clock() < warm_until do operation(names); end
	collectgarbage();
	local ops, start = 0, clock();
	local stop = start + seconds;
	local now = start;
	while now < stop do
		operation(names);
		ops = ops + 1;
		now = clock();
	end
	print(string.format("prosody %d %.1f %d", n, (now - start) * 1e9 / ops, ops));
	drop_hosts(names);
end
