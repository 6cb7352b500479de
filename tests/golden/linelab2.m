linelab2 ; label-only lines, labels with trailing spaces, fall-through into labels (ends with FALLINTOFLST)
 write "start",!
only
 write "fell through only",!
spaced   
 write "fell through spaced",!
withcmt;comment right after label
 write "fell through withcmt",!
fml(a,b) write "fell into fml: a data=",$data(a),!
 do only
 quit
