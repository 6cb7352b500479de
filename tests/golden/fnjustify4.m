fnjustify4 ; $JUSTIFY to build a table
 for i=1:1:5 write $justify(i,3),$justify(i*i,5),$justify(i**3,6),$justify(1/i,10,4),!
 set tot=0 for v=12.5,3,-4.25,100 write $justify(v,10,2),! set tot=tot+v
 write $justify("----------",10),!,$justify(tot,10,2),!
 quit
