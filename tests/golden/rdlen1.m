rdlen1 ; READ x#n fixed length
 read x#3
 write "1: [",x,"]",!
 read y#3
 write "2: [",y,"]",!
 read z#10
 write "3: [",z,"]",!
 read w#2
 write "4: [",w,"]",!
 read v
 write "5: [",v,"]",!
 quit
