// Draws the dashboard's invoices chart (Chart.js) from the data the server rendered into the canvas; the list next to
// it holds the same figures for screen readers and when scripts do not run.
document.addEventListener('DOMContentLoaded', () => {
    const canvas = document.getElementById('invoice-chart');
    if (!canvas || typeof Chart === 'undefined') {
        return;
    }
    const data = JSON.parse(canvas.dataset.chart);
    const money = new Intl.NumberFormat(data.locale, {style: 'currency', currency: data.currency});
    new Chart(canvas, {
        type: 'bar',
        data: {
            labels: data.labels,
            datasets: [{data: data.values, borderRadius: 3,
                backgroundColor: ['#3b5bdb', '#c92a2a', '#2b8a3e', '#868e96']}]
        },
        options: {
            indexAxis: 'y',
            responsive: true,
            maintainAspectRatio: false,
            animation: false,
            plugins: {
                legend: {display: false},
                tooltip: {callbacks: {label: (item) => money.format(item.parsed.x)}}
            },
            scales: {
                x: {beginAtZero: true, ticks: {color: '#495057', callback: (value) => money.format(value)}},
                y: {ticks: {color: '#495057'}, grid: {display: false}}
            }
        }
    });
    canvas.dataset.drawn = 'true';
});
