// Draws the dashboard's revenue chart (Chart.js) from the data the server rendered into the canvas; the table next to
// it holds the same figures for screen readers and when scripts do not run.
document.addEventListener('DOMContentLoaded', () => {
    const canvas = document.getElementById('revenue-chart');
    if (!canvas || typeof Chart === 'undefined') {
        return;
    }
    const data = JSON.parse(canvas.dataset.chart);
    const money = new Intl.NumberFormat(data.locale, {style: 'currency', currency: data.currency});
    const compact = new Intl.NumberFormat(data.locale, {style: 'currency', currency: data.currency,
        notation: 'compact'});
    new Chart(canvas, {
        type: 'bar',
        data: {
            labels: data.labels,
            datasets: [{label: canvas.dataset.label, data: data.values, backgroundColor: '#3b5bdb', borderRadius: 3}]
        },
        options: {
            responsive: true,
            maintainAspectRatio: false,
            animation: false,
            plugins: {
                legend: {display: false},
                tooltip: {callbacks: {label: (item) => money.format(item.parsed.y)}}
            },
            scales: {
                x: {ticks: {maxRotation: 0, autoSkipPadding: 12, color: '#495057'}, grid: {display: false}},
                y: {beginAtZero: true, ticks: {color: '#495057', callback: (value) => compact.format(value)}}
            }
        }
    });
    canvas.dataset.drawn = 'true';
});
