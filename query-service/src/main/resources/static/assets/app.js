'use strict';
// The dashboard asks the analyst API with the key given in the form; every panel shows its own data,
// "no data yet", or the API's error, so one missing endpoint never blanks the others.
(function () {
    const REFRESH_MILLIS = 5000;
    const LIVE_HISTORY = 60;
    const charts = {};
    const liveHistory = [];
    let authorization = null;
    let timer = null;
    let refreshing = false;

    const $ = (selector, root = document) => root.querySelector(selector);
    const panel = name => $(`[data-panel="${name}"]`);

    function chart(name) {
        if (!charts[name]) {
            charts[name] = echarts.init($(`[data-testid="chart-${name}"]`));
        }
        return charts[name];
    }

    async function getJson(path) {
        let response;
        try {
            // Without credentials of its own the browser answers a 401 to this script, instead of asking
            // the user for a password in a dialog of its own.
            response = await fetch(path, {credentials: 'omit',
                headers: {Authorization: authorization, Accept: 'application/json'}});
        } catch (unreachable) {
            throw new Error(`cannot reach the server (${unreachable.message})`);
        }
        const text = await response.text();
        let body = null;
        try { body = text ? JSON.parse(text) : null; } catch (notJson) { body = null; }
        if (!response.ok) {
            const message = body && (body.message || body.error) || response.statusText;
            const error = new Error(`${response.status}: ${message}`);
            error.status = response.status;
            throw error;
        }
        return body;
    }

    function setStatus(testId, message) {
        const element = $(`[data-testid="status-${testId}"]`);
        if (element) {
            element.textContent = message || '';
        }
    }

    const integer = value => value == null ? '–' : Number(value).toLocaleString('en');
    // Rates arrive as fractions of one.
    const percent = value => value == null ? '–' : `${(Number(value) * 100).toFixed(1)} %`;

    function setFigure(testId, value, format) {
        const element = $(`[data-testid="${testId}"]`);
        element.textContent = format(value);
        element.dataset.value = value == null ? '' : String(value);
    }

    function fillTable(testId, rows, cells) {
        const body = $(`[data-testid="table-${testId}"] tbody`);
        body.replaceChildren(...rows.map(row => {
            const tr = document.createElement('tr');
            cells(row).forEach(cell => {
                const td = document.createElement('td');
                td.textContent = cell == null ? '' : String(cell);
                tr.appendChild(td);
            });
            return tr;
        }));
    }

    const rowsOf = body => (body && Array.isArray(body.rows)) ? body.rows : [];
    const shortName = iri => {
        if (!iri) return '';
        const parts = String(iri).replace(/\/+$/, '').split(/[\/#]/);
        return parts[parts.length - 1] || String(iri);
    };

    // --- panels ---------------------------------------------------------------------------------------

    async function summary() {
        const body = await getJson('/api/analytics/summary');
        setFigure('tile-learners', body.learners, integer);
        setFigure('tile-enrolments', body.enrolments, integer);
        setFigure('tile-completed', body.completed, integer);
        setFigure('tile-withdrawn', body.withdrawn, integer);
        setFigure('tile-completion-rate', body.completionRate, percent);
        setFigure('tile-re-enrolments', body.reEnrolments, integer);
        setFigure('tile-re-enrolment-rate', body.reEnrolmentRate, percent);
        return body.enrolments ? null : 'no data yet';
    }

    // Several courses share a period: the chart shows the period's total, the table every row.
    function byPeriod(rows, numerator, denominator) {
        const periods = new Map();
        rows.forEach(row => {
            const sums = periods.get(row.period) || {top: 0, bottom: 0};
            sums.top += Number(row[numerator] || 0);
            sums.bottom += Number(row[denominator] || 0);
            periods.set(row.period, sums);
        });
        const names = [...periods.keys()].sort();
        return {
            names,
            counts: names.map(name => periods.get(name).bottom),
            rates: names.map(name => {
                const sums = periods.get(name);
                return sums.bottom ? +(100 * sums.top / sums.bottom).toFixed(1) : 0;
            })
        };
    }

    function rateChart(name, series, countLabel) {
        chart(name).setOption({
            animation: false,
            tooltip: {trigger: 'axis'},
            legend: {top: 0},
            grid: {left: 48, right: 48, top: 32, bottom: 28},
            xAxis: {type: 'category', data: series.names},
            yAxis: [{type: 'value', name: '%', max: 100}, {type: 'value', name: countLabel, splitLine: {show: false}}],
            series: [
                {name: countLabel, type: 'bar', yAxisIndex: 1, data: series.counts, itemStyle: {color: '#c9d6ea'}},
                {name: 'rate %', type: 'line', data: series.rates, itemStyle: {color: '#2f6fdb'}}
            ]
        }, true);
    }

    async function completion() {
        const rows = rowsOf(await getJson('/api/analytics/completion-rates?interval=month&limit=1000'));
        fillTable('completion', rows, row => [row.period, shortName(row.course), row.enrolled, row.completed,
            row.withdrawn, percent(row.rate), row.medianDaysToComplete]);
        rateChart('completion', byPeriod(rows, 'completed', 'enrolled'), 'enrolled');
        return rows.length ? null : 'no data yet';
    }

    async function reEnrolment() {
        const rows = rowsOf(await getJson('/api/analytics/re-enrolment-rates?interval=month&limit=1000'));
        fillTable('re-enrolment', rows, row => [row.period, shortName(row.course), row.finished, row.reEnrolled,
            percent(row.rate)]);
        rateChart('re-enrolment', byPeriod(rows, 'reEnrolled', 'finished'), 'finished');
        return rows.length ? null : 'no data yet';
    }

    // A Sankey diagram cannot draw a cycle (a -> b and b -> a): the weaker link of a cycle stays in the
    // table but not in the picture.
    function acyclic(links) {
        const kept = [];
        const next = new Map();
        const reaches = (from, to, seen = new Set()) => {
            if (from === to) return true;
            if (seen.has(from)) return false;
            seen.add(from);
            return (next.get(from) || []).some(step => reaches(step, to, seen));
        };
        [...links].sort((a, b) => b.value - a.value).forEach(link => {
            if (link.source === link.target || reaches(link.target, link.source)) return;
            kept.push(link);
            next.set(link.source, [...(next.get(link.source) || []), link.target]);
        });
        return kept;
    }

    async function transitions() {
        const rows = rowsOf(await getJson('/api/analytics/transitions?limit=1000'));
        fillTable('transitions', rows, row => [shortName(row.from), shortName(row.to), row.learners, row.medianGapDays]);
        const links = acyclic(rows.map(row => ({source: shortName(row.from), target: shortName(row.to),
            value: Number(row.learners)})));
        const nodes = [...new Set(links.flatMap(link => [link.source, link.target]))].map(name => ({name}));
        chart('transitions').setOption({
            animation: false,
            tooltip: {trigger: 'item'},
            series: [{type: 'sankey', data: nodes, links, emphasis: {focus: 'adjacency'},
                lineStyle: {color: 'gradient', curveness: 0.5}, label: {fontSize: 12}}]
        }, true);
        return rows.length ? null : 'no data yet';
    }

    async function funnel() {
        const rows = rowsOf(await getJson('/api/eligibility/funnel'));
        fillTable('funnel', rows, row => [row.name || row.credentialId, row.inProgress, row.eligible, row.issued,
            row.expired]);
        const stages = [['inProgress', 'in progress', '#c9d6ea'], ['eligible', 'eligible', '#7fa7e8'],
            ['issued', 'issued', '#2f6fdb'], ['expired', 'expired', '#d08a5c']];
        chart('funnel').setOption({
            animation: false,
            tooltip: {trigger: 'axis', axisPointer: {type: 'shadow'}},
            legend: {top: 0},
            grid: {left: 12, right: 24, top: 32, bottom: 24, containLabel: true},
            xAxis: {type: 'value'},
            yAxis: {type: 'category', inverse: true, data: rows.map(row => row.name || row.credentialId)},
            series: stages.map(([field, label, color]) => ({name: label, type: 'bar', itemStyle: {color},
                data: rows.map(row => Number(row[field] || 0))}))
        }, true);
        return rows.length ? null : 'no data yet';
    }

    async function dropOff() {
        const rows = rowsOf(await getJson('/api/analytics/drop-off?limit=1000'))
            .sort((a, b) => b.learners - a.learners).slice(0, 10);
        fillTable('drop-off', rows, row => [shortName(row.course), shortName(row.activity), row.learners]);
        chart('drop-off').setOption({
            animation: false,
            tooltip: {trigger: 'axis', axisPointer: {type: 'shadow'}},
            grid: {left: 12, right: 24, top: 12, bottom: 24, containLabel: true},
            xAxis: {type: 'value'},
            yAxis: {type: 'category', inverse: true,
                data: rows.map(row => `${shortName(row.course)} · ${shortName(row.activity)}`)},
            series: [{type: 'bar', data: rows.map(row => row.learners), itemStyle: {color: '#d08a5c'}}]
        }, true);
        return rows.length ? null : 'no data yet';
    }

    async function live() {
        const body = await getJson('/api/analytics/live');
        setFigure('live-rate', body.statementsPerSecond, value => Number(value).toFixed(1));
        setFigure('live-lag', body.projectionLag, integer);
        if (!liveHistory.length || liveHistory[liveHistory.length - 1].at !== body.at) {
            liveHistory.push(body);
            if (liveHistory.length > LIVE_HISTORY) liveHistory.shift();
        }
        fillTable('live', liveHistory.slice().reverse().slice(0, 10),
            row => [row.at, Number(row.statementsPerSecond).toFixed(2), row.projectionLag]);
        chart('live').setOption({
            animation: false,
            tooltip: {trigger: 'axis'},
            legend: {top: 0},
            grid: {left: 48, right: 56, top: 32, bottom: 28},
            xAxis: {type: 'category', data: liveHistory.map(row => new Date(row.at).toLocaleTimeString('en-GB'))},
            yAxis: [{type: 'value', name: 'per s'}, {type: 'value', name: 'lag', splitLine: {show: false}}],
            series: [
                {name: 'statements per second', type: 'line', data: liveHistory.map(row => row.statementsPerSecond),
                    itemStyle: {color: '#2f6fdb'}, areaStyle: {opacity: 0.15}},
                {name: 'projection lag', type: 'line', yAxisIndex: 1, data: liveHistory.map(row => row.projectionLag),
                    itemStyle: {color: '#d08a5c'}}
            ]
        }, true);
        return null;
    }

    const PANELS = [['summary', summary], ['completion', completion], ['re-enrolment', reEnrolment],
        ['transitions', transitions], ['funnel', funnel], ['drop-off', dropOff], ['live', live]];

    async function refresh() {
        // A slow server must not pile up rounds of requests.
        if (refreshing) return;
        refreshing = true;
        try {
            await refreshPanels();
        } finally {
            refreshing = false;
        }
    }

    async function refreshPanels() {
        const outcomes = await Promise.all(PANELS.map(async ([name, load]) => {
            try {
                setStatus(name, await load());
                return 'ok';
            } catch (failure) {
                setStatus(name, failure.status === 404 ? `no data yet (the API answers ${failure.message})`
                    : `error ${failure.message}`);
                return failure.status;
            }
        }));
        if (outcomes.every(outcome => outcome === 401)) {
            signOut('the key or secret was not accepted');
            return;
        }
        $('#updated').textContent = new Date().toLocaleTimeString('en-GB');
    }

    function signOut(reason) {
        clearInterval(timer);
        timer = null;
        authorization = null;
        $('#who').textContent = reason;
        $('#dashboard').classList.add('hidden');
    }

    async function signIn(event) {
        event.preventDefault();
        const key = $('#key').value.trim();
        authorization = 'Basic ' + btoa(`${key}:${$('#secret').value}`);
        $('#who').textContent = `signed in as ${key}`;
        $('#dashboard').classList.remove('hidden');
        clearInterval(timer);
        Object.values(charts).forEach(c => c.resize());
        await refresh();
        if (authorization) {
            timer = setInterval(refresh, REFRESH_MILLIS);
        }
    }

    window.addEventListener('resize', () => Object.values(charts).forEach(c => c.resize()));
    document.addEventListener('DOMContentLoaded', () => $('#login').addEventListener('submit', signIn));
})();
