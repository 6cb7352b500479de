txtbasic1 ; $TEXT of labels, offsets, +0, +n, missing
 write "+0: ",$text(+0),!
 write "+1: ",$text(+1),!
 write "+2: ",$text(+2),!
 write "lab: ",$text(lab),!
 write "lab+1: ",$text(lab+1),!
 write "lab+2: ",$text(lab+2),!
 write "lab+9 past end: [",$text(lab+9),"]",!
 write "missing label: [",$text(nolab),"]",!
 write "+99: [",$text(+99),"]",!
 write "len +0: ",$length($text(+0)),!
 quit
lab ; a comment line
 	write "tab-indented",!
