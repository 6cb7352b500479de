linelab1 ; labels: names, numeric labels, percent labels
 write "start",!
 do 10
 do %x
 do %
 do a1b2
 do LongLabelName
 do Mixed,mixed
 quit
10 write "numeric label 10",!
 quit
%x write "percent label %x",!
 quit
% write "percent label alone",!
 quit
a1b2 write "label a1b2",!
 quit
LongLabelName write "long label",!
 quit
Mixed write "label Mixed",!
 quit
mixed write "label mixed (case differs)",!
 quit
